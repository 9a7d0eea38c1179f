/** Selectors of the store, defined once so that components subscribe to exactly what they show. */
import type { Scenario } from '../scenario/schema';
import type { TransportMeasures } from '../core/measures';
import type { AppActions, AppState, LiveReadout, RunId, RunState } from './store';

type S = AppState & AppActions;

export const selectScenario = (s: S) => s.scenario;
export const selectBackend = (s: S) => s.backend;
export const selectBackendChoice = (s: S) => s.backendChoice;
export const selectTheme = (s: S) => s.theme;
export const selectLayers = (s: S) => s.scenario.layers;
export const selectNotices = (s: S) => s.notices;
export const selectFatalError = (s: S) => s.fatalError;

const fieldSelectors = new Map<keyof Scenario, (s: S) => unknown>();

/**
 * The selector of one scenario field (made once per key): a control subscribed this way re-renders
 * only when its own field changes, not on every edit of the scenario.
 */
export function selectField<K extends keyof Scenario>(key: K): (s: S) => Scenario[K] {
  let selector = fieldSelectors.get(key);
  if (!selector) {
    selector = (s: S) => s.scenario[key];
    fieldSelectors.set(key, selector);
  }
  return selector as (s: S) => Scenario[K];
}

export const selectRun =
  (id: RunId) =>
  (s: S): RunState | null =>
    s.runs[id];
export const selectStatus = (s: S) => s.runs.a.status;
/** Whether the scenario's own run trains (it drives the page's play state). */
export const selectPlaying = (s: S) => s.runs.a.status.phase === 'training';
/** Whether the scenario's own run is being built or restarted (Train and Step wait for it). */
export const selectPreparing = (s: S) =>
  s.runs.a.status.phase === 'preparing' || s.runs.a.status.phase === 'restarting';
export const selectPauseReason = (s: S) => s.runs.a.status.reason;
/** The read-out shown: of the past step in view, else the live one. */
export const selectLive = (s: S) => shownRun(s.runs.a).live;
/** The penalty weight and lambda the latest read-out shows (null before the first). */
export const selectLiveWeight = (s: S) => s.runs.a.live?.weight ?? null;
export const selectLiveLambda = (s: S) => s.runs.a.live?.lambda ?? null;
export const selectTransport = (s: S) => shownRun(s.runs.a).transport;
export const selectLiveB = (s: S) => (s.runs.b ? shownRun(s.runs.b).live : null);
export const selectTransportB = (s: S) => (s.runs.b ? shownRun(s.runs.b).transport : null);

/** What a run's read-outs show: the past step in view (while one is), else the live values. */
export function shownRun(run: RunState): { live: LiveReadout | null; transport: TransportMeasures | null } {
  return run.past ?? run;
}
/** Whether a compared run exists (compare mode). */
export const selectCompared = (s: S) => s.runs.b !== null;

/** Residual blocks of the run shown: the announced run's, else the scenario's K. */
export const shownBlocks = (s: AppState) => s.runs.a.blocks ?? s.scenario.K;
