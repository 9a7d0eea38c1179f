/**
 * The status of one run on the page, as a pure reducer: everything the page learns about a run (a
 * worker started or replaced, a rebuild scheduled, sent and announced, the worker's own play state)
 * goes in as an event, and one phase comes out. It replaces flags that used to be set from several
 * places; the page shows the phase and derives from it whether Train and Step may be pressed.
 */
import type { RunPhase, RunStatus } from '../state/store';
import type { PauseReason } from '../worker/protocol';

/** What the reducer remembers to derive the phase. */
export interface RunStatusState {
  /** The worker's latest play state, or null until the current worker has said anything. */
  worker: { playing: boolean; compiling: boolean; reason: PauseReason | null } | null;
  /** The current worker has chosen its backend. */
  ready: boolean;
  /** An edit scheduled a rebuild that has not been sent yet. */
  rebuildScheduled: boolean;
  /** Rebuilds sent whose run the worker has not announced yet. */
  buildsInFlight: number;
  /** The worker failed and a fresh one is starting from the last checkpoint. */
  restarting: boolean;
}

export type RunStatusEvent =
  /** A fresh worker was started; `building` when its start command builds a run. */
  | { type: 'worker-started'; building: boolean; restart: boolean }
  /** The new worker chose its backend: it is up. */
  | { type: 'worker-ready' }
  | { type: 'rebuild-scheduled' }
  /** The scheduled rebuild turned out not to be needed, or cannot be made (too few own points). */
  | { type: 'rebuild-dropped' }
  | { type: 'build-sent' }
  /** The worker announced a (re)built run; it is prepared until its state says otherwise. */
  | { type: 'run-announced' }
  | { type: 'worker-state'; playing: boolean; compiling: boolean; reason: PauseReason | null };

export const INITIAL_RUN_STATUS: RunStatusState = {
  worker: null,
  ready: false,
  rebuildScheduled: false,
  buildsInFlight: 0,
  restarting: false,
};

export function reduceRunStatus(state: RunStatusState, event: RunStatusEvent): RunStatusState {
  switch (event.type) {
    case 'worker-started':
      return {
        worker: null,
        ready: false,
        rebuildScheduled: state.rebuildScheduled,
        buildsInFlight: event.building ? 1 : 0,
        restarting: event.restart,
      };
    case 'worker-ready':
      return { ...state, ready: true, restarting: false };
    case 'rebuild-scheduled':
      return { ...state, rebuildScheduled: true };
    case 'rebuild-dropped':
      return { ...state, rebuildScheduled: false };
    case 'build-sent':
      return { ...state, rebuildScheduled: false, buildsInFlight: state.buildsInFlight + 1 };
    case 'run-announced':
      return {
        ...state,
        restarting: false,
        buildsInFlight: Math.max(0, state.buildsInFlight - 1),
        worker: { playing: state.worker?.playing ?? false, compiling: true, reason: null },
      };
    case 'worker-state':
      return {
        ...state,
        worker: { playing: event.playing, compiling: event.compiling, reason: event.reason },
      };
  }
}

/** The phase the page shows for a reducer state. */
export function runStatusOf(state: RunStatusState): RunStatus {
  const reason = state.worker?.reason ?? null;
  const phase = ((): RunPhase => {
    if (state.restarting) return 'restarting';
    if (state.rebuildScheduled || state.buildsInFlight > 0) return 'preparing';
    // A worker that is up but has said nothing of a run has none (too few own points to train on).
    if (!state.worker) return state.ready ? 'idle' : 'preparing';
    if (state.worker.compiling) return 'preparing';
    if (state.worker.playing) return 'training';
    return reason === 'diverged' ? 'diverged' : 'paused';
  })();
  return { phase, reason };
}

/** Training runs. */
export const isTraining = (status: RunStatus) => status.phase === 'training';
/** The run is not ready for Train or Step: it is being built or its worker restarts. */
export const isBusy = (status: RunStatus) => status.phase === 'preparing' || status.phase === 'restarting';
