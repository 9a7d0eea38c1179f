/**
 * "auto" chooses the backend by measurement on the user's own machine. The run starts at once where
 * the worker's chain puts it (WASM first); meanwhile a probe worker times the fused step for the
 * run's shapes on each other backend, and if one is clearly faster the run moves there, continuing
 * exactly. What was learned is kept per device and shape class (local storage), so the next visit
 * starts on the winner and a rebuild to similar shapes does not measure again. In compare mode the
 * compared run moves with the scenario's (and starts on its backend). A forced backend
 * (`?backend=`) is never overridden.
 */
import type { BackendName } from '../core/backends';
import { BACKEND_LABELS } from '../core/backends';
import { runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { AppStore, BackendChoice } from '../state/store';
import type { BackendMeasurement } from '../worker/protocol';
import type { AppClock, CreateWorker, KeyValueStorage } from './ports';
import type { Runs } from './runs';

/** How the measurement runs; the test hooks change the last two. */
export interface MeasurementOptions {
  /** The backends raced (the worker's own chain comes first). */
  backends: BackendName[];
  /** Timed milliseconds per backend, after the warm-up steps. */
  budgetMs: number;
  /** Accept a software WebGPU adapter (test hook). */
  allowSoftware: boolean;
  /** Multiplies each backend's measured time (test hook). */
  timeScale: Partial<Record<BackendName, number>>;
}

export const DEFAULT_MEASUREMENT: MeasurementOptions = {
  backends: ['wasm', 'webgpu'],
  budgetMs: 300,
  allowSoftware: false,
  timeScale: {},
};

/** Another backend must be this much faster to be worth a move. */
export const MOVE_MARGIN = 1.2;
/** A probe that has not answered by then is given up (software WebGPU compiles slowly). */
const PROBE_TIMEOUT_MS = 180_000;
const STORAGE_PREFIX = 'least-action-lab/backend/';

/** What is kept for one device and shape class. */
interface StoredChoice {
  winner: BackendName;
  results: BackendMeasurement[];
}

export interface BackendRace {
  /** Forgets what was measured for the current shapes and measures again. */
  measureAgain(): void;
  dispose(): void;
}

/**
 * The shape class of a scenario: the work of a step grows with points x width x blocks, and shapes
 * within a factor of four of each other share a class (and a measurement).
 */
export function shapeClass(scenario: Scenario): number {
  const { data, model, training } = runConfig(scenario);
  const points = training.batchSize > 0 ? Math.min(training.batchSize, data.n) : data.n;
  return Math.round(Math.log2(Math.max(1, points * model.width * model.blocks)) / 2);
}

/** The backend to train on after a measurement: the fastest, if it beats the current one clearly. */
export function raceWinner(results: readonly BackendMeasurement[], current: BackendName): BackendName {
  const rate = (name: BackendName) => results.find((r) => r.backend === name)?.stepsPerSecond ?? null;
  const timed = results.filter((r) => r.stepsPerSecond !== null);
  if (timed.length === 0) return current;
  const best = timed.reduce((a, b) => (b.stepsPerSecond! > a.stepsPerSecond! ? b : a));
  const own = rate(current);
  return own === null || best.stepsPerSecond! > MOVE_MARGIN * own ? best.backend : current;
}

function storageKey(device: string, scenario: Scenario): string {
  return `${STORAGE_PREFIX}${device}/${shapeClass(scenario)}`;
}

function readChoice(storage: KeyValueStorage | null, key: string): StoredChoice | null {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null') as StoredChoice | null;
    return value && BACKEND_LABELS[value.winner] && Array.isArray(value.results) ? value : null;
  } catch {
    return null;
  }
}

/** The backend measured fastest for the scenario's shapes on this device before, or null. */
export function storedWinner(
  storage: KeyValueStorage | null,
  device: string,
  scenario: Scenario,
): BackendName | null {
  return readChoice(storage, storageKey(device, scenario))?.winner ?? null;
}

const steps = (rate: number) => `${Math.round(rate).toLocaleString('en')} steps/s`;

export function createBackendRace(deps: {
  store: AppStore;
  runs: Runs;
  storage: KeyValueStorage | null;
  createWorker: CreateWorker;
  clock: AppClock;
  /** Names this device in storage (e.g. the browser and its cores). */
  device: string;
  options: MeasurementOptions;
}): BackendRace {
  const { store, runs, storage, clock, options } = deps;
  const keyOf = (scenario: Scenario) => storageKey(deps.device, scenario);
  const read = (key: string) => readChoice(storage, key);
  let handled: string | null = null;
  let cancelProbe: (() => void) | null = null;

  const write = (key: string, choice: StoredChoice) => {
    try {
      storage?.setItem(key, JSON.stringify(choice));
    } catch {
      // Storage may be refused (private modes): the choice holds for this visit.
    }
  };
  const setChoice = (choice: BackendChoice | null) => store.setState({ backendChoice: choice });

  const settle = (key: string, results: BackendMeasurement[], stored: boolean) => {
    const current = store.getState().backend?.name;
    if (!current) return;
    const winner = stored ? read(key)!.winner : raceWinner(results, current);
    if (!stored) write(key, { winner, results });
    const label = BACKEND_LABELS[winner];
    const rates = results.filter((r) => r.stepsPerSecond !== null);
    const reason =
      rates.length === 0
        ? `No other backend could be timed here; training stays on ${BACKEND_LABELS[current]}.`
        : stored
          ? `${label} was measured fastest for these shapes on this device earlier.`
          : winner === current
            ? `${label} is the fastest here for these shapes (or no other is ${MOVE_MARGIN}x faster).`
            : `${label} is the fastest here for these shapes.`;
    setChoice({ results, reason, measuring: false });
    if (winner === current) return;
    const why = stored
      ? 'measured fastest on this device before'
      : `${steps(results.find((r) => r.backend === winner)!.stepsPerSecond!)} against ${BACKEND_LABELS[current]}'s ${steps(results.find((r) => r.backend === current)?.stepsPerSecond ?? 0)}`;
    // The compared run moves too: both runs of compare mode train on the same backend.
    for (const run of runs.all()) run.control.moveTo(winner, why);
  };

  const measure = (key: string, scenario: Scenario) => {
    cancelProbe?.();
    setChoice({ results: [], reason: 'Measuring the backends for these shapes…', measuring: true });
    const probe = deps.createWorker();
    let done = false;
    const finish = (results: BackendMeasurement[] | null, failure: string | null) => {
      if (done) return;
      done = true;
      clock.clearTimeout(timer);
      probe.terminate();
      cancelProbe = null;
      if (results) settle(key, results, false);
      else setChoice({ results: [], reason: `The measurement failed (${failure}).`, measuring: false });
    };
    const timer = clock.setTimeout(() => finish(null, 'no answer'), PROBE_TIMEOUT_MS);
    probe.subscribe((event) => {
      if (event.type === 'measured') finish(event.results, null);
    });
    probe.onCrash((message) => finish(null, message));
    probe.send({
      type: 'measure',
      id: 1,
      scenario,
      backends: options.backends,
      budgetMs: options.budgetMs,
      allowSoftware: options.allowSoftware,
      timeScale: options.timeScale,
    });
    cancelProbe = () => {
      done = true;
      clock.clearTimeout(timer);
      probe.terminate();
    };
  };

  const consider = () => {
    const state = store.getState();
    if (state.backendPreference !== 'auto' || !state.backend) return;
    const phase = state.runs.a.status.phase;
    if (phase !== 'paused' && phase !== 'training') return;
    const key = keyOf(state.scenario);
    if (key === handled) return;
    handled = key;
    const stored = read(key);
    if (stored) settle(key, stored.results, true);
    else measure(key, state.scenario);
  };

  const unsubscribe = store.subscribe(consider);
  return {
    measureAgain() {
      const state = store.getState();
      if (state.backendPreference !== 'auto') return;
      try {
        storage?.removeItem?.(keyOf(state.scenario));
      } catch {
        // As above: nothing kept, nothing to forget.
      }
      handled = keyOf(state.scenario);
      measure(handled, state.scenario);
    },
    dispose() {
      unsubscribe();
      cancelProbe?.();
    },
  };
}
