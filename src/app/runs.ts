/**
 * The runs on the page: the scenario's own (A) and, in compare mode, a second one (B) on the same data
 * and initial weights, with the settings the scenario's `vs` changes. Each run has its own worker,
 * frames and metrics history. Training commands go to every run, so both move in step; the second
 * run is started when compare mode is turned on and stopped when it is turned off. While both train,
 * the faster is held within about half a second of the slower.
 */
import type { BackendName } from '../core/backends';
import { comparedScenario } from '../scenario/compare';
import type { Scenario } from '../scenario/schema';
import type { AppState, AppStore } from '../state/store';
import type { AppClock, CreateWorker, PageEnvironment } from './ports';
import type { RunChannel } from './run';
import { createRun } from './run';

export interface Runs {
  /** The scenario's own run. */
  a: RunChannel;
  /** The compared run, or null outside compare mode. */
  b(): RunChannel | null;
  /** Every run: [a] or [a, b]. */
  all(): RunChannel[];
  /** Called when the second run starts or stops. */
  subscribe(listener: () => void): () => void;
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  dispose(): void;
}

const compared = (state: AppState) => comparedScenario(state.scenario) ?? state.scenario;

/** How many steps one compared run may get ahead of the other, at least. */
export const MIN_COMPARE_LEAD = 25;

export function createRuns(
  store: AppStore,
  deps: {
    clock: AppClock;
    createWorker: CreateWorker;
    page: PageEnvironment | null;
    /** With "auto": the backend a fresh worker of run A tries first, from an earlier measurement. */
    firstBackend(scenario: Scenario | null): BackendName | null;
  },
): Runs {
  const a = createRun({ ...deps, id: 'a', store, scenarioOf: (state) => state.scenario, label: '' });
  let b: RunChannel | null = null;
  const listeners = new Set<() => void>();
  const all = () => (b ? [a, b] : [a]);

  const sync = () => {
    const on = store.getState().scenario.cmp === 'on';
    if (on === (b !== null)) return;
    if (on) {
      store.getState().setCompared(true);
      b = createRun({
        ...deps,
        id: 'b',
        store,
        scenarioOf: compared,
        label: 'Second run',
        // With "auto", the compared run starts where the scenario's run trains (measured or moved
        // there), so that both compute on the same backend.
        firstBackend: () =>
          store.getState().backendPreference === 'auto' ? (store.getState().backend?.name ?? null) : null,
      });
      // Both runs start together from the seed's initial weights, so that they stay comparable.
      a.control.reset();
      if (store.getState().runs.a.status.phase === 'training') b.control.play();
    } else {
      b!.dispose();
      b = null;
      a.control.hold(Infinity);
      store.getState().setCompared(false);
    }
    listeners.forEach((l) => l());
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario.cmp !== previous.scenario.cmp) sync();
    const liveA = state.runs.a.live;
    const liveB = state.runs.b?.live;
    // Keep the two runs within a few steps of each other: the faster one waits for the slower.
    if (b && (liveA !== previous.runs.a.live || liveB !== previous.runs.b?.live)) {
      const slowest = Math.min(liveA?.step ?? 0, liveB?.step ?? 0);
      // The lead covers about half a second of training, so that read-outs (a few per second) never
      // hold back a run that is keeping up.
      const rate = Math.max(liveA?.stepsPerSecond ?? 0, liveB?.stepsPerSecond ?? 0);
      const lead = Math.max(MIN_COMPARE_LEAD, Math.ceil(rate / 2));
      a.control.hold(slowest + lead);
      b.control.hold(slowest + lead);
    }
  });
  sync();

  // A hidden tab pauses training and resumes it when the tab is shown again.
  let pausedWhileHidden = false;
  const stopWatchingVisibility = deps.page?.onVisibilityChange(() => {
    if (deps.page!.hidden() && store.getState().runs.a.status.phase === 'training') {
      pausedWhileHidden = true;
      all().forEach((r) => r.control.pause());
    } else if (!deps.page!.hidden() && pausedWhileHidden) {
      pausedWhileHidden = false;
      all().forEach((r) => r.control.play());
    }
  });

  return {
    a,
    b: () => b,
    all,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: () => all().forEach((r) => r.control.play()),
    pause: () => all().forEach((r) => r.control.pause()),
    step: () => all().forEach((r) => r.control.step()),
    reset: () => all().forEach((r) => r.control.reset()),
    dispose() {
      unsubscribe();
      stopWatchingVisibility?.();
      all().forEach((r) => r.dispose());
    },
  };
}
