/**
 * The runs on the page: the scenario's own (A) and, in compare mode, a second one (B) on the same data
 * and initial weights, with the settings the scenario's `vs` changes. Each run has its own worker,
 * frames and metrics history. Training commands go to every run, so both move in step; the second
 * run is started when compare mode is turned on and stopped when it is turned off.
 */
import { MetricsHistory } from '../charts/metricsHistory';
import type { FrameSource } from '../render/frameSource';
import { createFrameSource } from '../render/frameSource';
import type { PastView } from '../app/pastView';
import { createPastView } from '../app/pastView';
import { comparedScenario } from '../scenario/compare';
import type { AppState, AppStore } from '../state/store';
import type { BridgeOptions, TrainingBridge } from './trainingBridge';
import { createTrainingBridge } from './trainingBridge';

export interface RunChannel {
  id: 'a' | 'b';
  bridge: TrainingBridge;
  /** What the run's views draw: its live frames, or a past step's while one is viewed. */
  frames: FrameSource;
  history: MetricsHistory;
  /** The run's training history on the page (src/app/pastView.ts). */
  past: PastView;
}

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
}

function createChannel(store: AppStore, id: 'a' | 'b', options: Omit<BridgeOptions, 'past'>): RunChannel {
  const live = createFrameSource();
  const past = createPastView(live);
  const history = new MetricsHistory();
  const bridge = createTrainingBridge(store, live, history, { ...options, past });
  return { id, frames: past.frames, history, past, bridge };
}

const compared = (state: AppState) => comparedScenario(state.scenario) ?? state.scenario;

/** How many steps one compared run may get ahead of the other, at least. */
const MIN_COMPARE_LEAD = 25;

export function createRuns(store: AppStore): Runs {
  const a = createChannel(store, 'a', {
    scenarioOf: (state) => state.scenario,
    primary: true,
    keys: { live: 'live', transport: 'transport' },
    label: '',
  });
  let b: RunChannel | null = null;
  const listeners = new Set<() => void>();
  const sync = () => {
    const on = store.getState().scenario.cmp === 'on';
    if (on === (b !== null)) return;
    if (on) {
      b = createChannel(store, 'b', {
        scenarioOf: compared,
        primary: false,
        keys: { live: 'liveB', transport: 'transportB' },
        label: 'Second run',
      });
      // Both runs start together from the seed's initial weights, so that they stay comparable.
      a.bridge.reset();
      if (store.getState().playing) b.bridge.play();
    } else {
      b!.bridge.dispose();
      b = null;
      a.bridge.hold(Infinity);
      store.setState({ liveB: null, transportB: null });
    }
    listeners.forEach((l) => l());
  };
  store.subscribe((state, previous) => {
    if (state.scenario.cmp !== previous.scenario.cmp) sync();
    // Keep the two runs within a few steps of each other: the faster one waits for the slower.
    if (b && (state.live !== previous.live || state.liveB !== previous.liveB)) {
      const slowest = Math.min(state.live?.step ?? 0, state.liveB?.step ?? 0);
      // The lead covers about half a second of training, so that read-outs (a few per second) never
      // hold back a run that is keeping up.
      const rate = Math.max(state.live?.stepsPerSecond ?? 0, state.liveB?.stepsPerSecond ?? 0);
      const lead = Math.max(MIN_COMPARE_LEAD, Math.ceil(rate / 2));
      a.bridge.hold(slowest + lead);
      b.bridge.hold(slowest + lead);
    }
  });
  sync();
  const all = () => (b ? [a, b] : [a]);

  // A hidden tab pauses training and resumes it when the tab is shown again.
  let pausedWhileHidden = false;
  document.addEventListener('visibilitychange', () => {
    if (document.hidden && store.getState().playing) {
      pausedWhileHidden = true;
      all().forEach((r) => r.bridge.pause());
    } else if (!document.hidden && pausedWhileHidden) {
      pausedWhileHidden = false;
      all().forEach((r) => r.bridge.play());
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
    play: () => all().forEach((r) => r.bridge.play()),
    pause: () => all().forEach((r) => r.bridge.pause()),
    step: () => all().forEach((r) => r.bridge.step()),
    reset: () => all().forEach((r) => r.bridge.reset()),
  };
}
