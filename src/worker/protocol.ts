/**
 * The messages between the page and the training worker. Commands go to the worker; events come
 * back. Snapshots carry one Float32Array whose buffer is transferred, not copied (layout in
 * src/core/snapshot.ts), and given back by the page (`recycle`) once a newer one replaced it. Every failure in the worker arrives as an `error` event with a sentence a
 * user can read; the worker never dies silently.
 */
import type { FieldRequest, FieldsLayout } from '../core/fieldGrids';
import type { TransportMeasures } from '../core/measures';
import type { EngineKind } from '../core/types';
import type { SnapshotLayout } from '../core/snapshot';
import type { BackendName, BackendPreference, BackendReport } from '../core/backends';
import type { LivePatch } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { TrainedState } from '../scenario/trainedState';

/** One backend's figure in a `measured` answer. */
export interface BackendMeasurement {
  backend: BackendName;
  /** Null when the backend could not be used or failed. */
  stepsPerSecond: number | null;
  /** Why there is no figure, or null. */
  reason: string | null;
}

/** Commands from the page. */
export type WorkerCommand =
  /**
   * First command: choose the backend, then build the scenario's run (paused), if one is given.
   * `resume` (a worker restarted by the page) continues that run from a checkpoint instead of step 0.
   */
  | {
      type: 'start';
      backend: BackendPreference;
      scenario: Scenario | null;
      resume?: TrainedState | null;
      /** With backend "auto": try this one first (measured fastest on this device before). */
      first?: BackendName | null;
    }
  /**
   * The data or the network changed (see planScenarioChange in src/scenario/runConfig.ts): rebuild the
   * run of this scenario from its seed, keeping play or pause.
   */
  | { type: 'build'; scenario: Scenario }
  /** Live fields changed: they apply to the next step, without a rebuild. */
  | { type: 'update'; patch: LivePatch }
  | { type: 'play' }
  | { type: 'pause' }
  /** One training step (while paused), followed by a snapshot. */
  | { type: 'step' }
  /** Back to step 0 with the seed's initial weights. */
  | { type: 'reset' }
  /** Least-action mode: set lambda (the penalty weight becomes 1/lambda) and adapt from there. */
  | { type: 'setMultiplier'; lambda: number }
  /**
   * What the transport view shows: the worker sends `fields` for this request a few times a second
   * while training and at once when it changes. Null when no field layer is shown.
   */
  | { type: 'view'; request: FieldRequest | null; transport: boolean }
  /** Continue from a trained state (weights in WEIGHT_NAMES order; must fit the current model). */
  | { type: 'load'; state: TrainedState }
  /** Ask for the current weights, step and multiplier (answered by a `trained` event with this id). */
  | { type: 'export'; id: number }
  /**
   * Do not train beyond this step until told otherwise (Infinity: no hold). Compare mode holds the
   * faster run so that both stay within a few steps of each other.
   */
  | { type: 'hold'; step: number }
  /**
   * The page had an animation frame with the run's live snapshot of `step` (null: the page draws
   * nothing for now, e.g. its tab is hidden). At a pace slow enough to show every step the worker
   * waits for this before the next step (at most SHOWN_WAIT_MS), so that a busy page misses none.
   */
  | { type: 'shown'; runId: number; step: number | null }
  /**
   * Test hooks: make the worker fail as it could in the field, to check that the page recovers.
   * "device-loss" destroys the WebGPU device; "hang" blocks the worker forever; "crash" throws an
   * uncaught error.
   */
  | { type: 'simulate'; fault: 'device-loss' | 'hang' | 'crash' }
  /** Ask how much memory tfjs holds (answered by a `memory` event with this id; for soak tests). */
  | { type: 'probe'; id: number }
  /**
   * Time the scenario's training step on each of `backends` for about `budgetMs` after a warm-up, on
   * throwaway runs (answered by `measured` with this id). Sent to a probe worker, so that the
   * training worker goes on meanwhile. `allowSoftware` accepts a software WebGPU adapter and
   * `timeScale` multiplies each backend's measured time: test hooks.
   */
  | {
      type: 'measure';
      id: number;
      scenario: Scenario;
      backends: BackendName[];
      budgetMs: number;
      allowSoftware: boolean;
      timeScale: Partial<Record<BackendName, number>>;
    }
  /** Move the run to this backend, continuing exactly (weights, optimiser state, lambda, step). */
  | { type: 'move'; backend: BackendName; reason: string }
  /**
   * Show the view at a past training step: the worker answers with a `snapshot` (then `fields` and
   * `transport` as the view asks) computed from the kept checkpoint nearest to `step`, each marked
   * `checkpoint: true`, and again whenever the view's request changes. Null: back to the live
   * weights. Training goes on meanwhile; its snapshots keep coming, unmarked.
   */
  | { type: 'view-step'; step: number | null }
  /**
   * The buffer of a snapshot the page has replaced with a newer one, transferred back: the worker
   * writes a later snapshot of the same size into it (src/worker/bufferPool.ts), so that the page does
   * not take in a new buffer with every snapshot. Handled at once, outside the command queue.
   */
  | { type: 'recycle'; buffer: ArrayBuffer };

/** Facts about a run that do not change until it is rebuilt. */
export interface RunInfo {
  /** Increases with every rebuild; snapshots name the run they belong to. */
  runId: number;
  /**
   * The step the run starts from: 0 for a fresh run; the checkpoint's step when it continues the same
   * scenario's run after a restarted worker or a lost GPU device (the page keeps its history up to it).
   */
  resumedAt: number;
  blocks: number;
  stepSize: number;
  classes: number;
  /** Class of each training point, [n]. */
  trainLabels: Uint8Array;
  /** Class of each test point, [m]. */
  testLabels: Uint8Array;
}

/** Why training stopped by itself. */
export type PauseReason = 'user' | 'step-limit' | 'diverged' | 'error';

/** Events from the worker. */
export type WorkerEvent =
  /** The backend chosen on start (once). */
  | { type: 'backend'; report: BackendReport }
  /** A run was (re)built; its first snapshot follows. */
  | { type: 'run'; info: RunInfo }
  /** The state of the run after `step` steps. `data` is transferred. */
  | {
      type: 'snapshot';
      runId: number;
      step: number;
      layout: SnapshotLayout;
      data: Float32Array;
      /** Training steps per second over the last second (0 when paused). */
      stepsPerSecond: number;
      /** The engine the steps ran on (fused falls back to reference where the backend lacks it). */
      engine: EngineKind;
      /** Computed from a training-history checkpoint (answering `view-step`), not the live weights. */
      checkpoint?: boolean;
    }
  /** The field layers for `request` at `step` (layout in src/core/fieldGrids.ts); `data` is transferred. */
  | {
      type: 'fields';
      runId: number;
      step: number;
      request: FieldRequest;
      layout: FieldsLayout;
      data: Float32Array;
      /** Computed from a training-history checkpoint (answering `view-step`). */
      checkpoint?: boolean;
    }
  /**
   * Least-action measures of the training flow at `step` (src/core/measures.ts), on at most 512
   * training points: the optimal pairing, the per-block W2^2(mu_k, mu_{k+1}) beside h^2 E_k
   * (`blockOptimalCosts`, `blockEnergies`, `stepSize`) and each measured particle's Monge gap
   * (`mongeGaps`, in the order of `indices`). At most ~1 per second while training, further apart
   * when measuring takes long (TRANSPORT_TIME_SHARE in viewOutputs.ts); at once when paused, and for
   * a past step in view.
   */
  | {
      type: 'transport';
      runId: number;
      step: number;
      measures: TransportMeasures;
      /** Computed from a training-history checkpoint (answering `view-step`). */
      checkpoint?: boolean;
    }
  /** The current trained state, the answer to the `export` command with the same id. */
  | { type: 'trained'; id: number; runId: number; state: TrainedState }
  /**
   * The latest weights worth keeping (every few seconds while training, and when training stops):
   * the page restarts a worker that crashed or hung from them.
   */
  | { type: 'checkpoint'; runId: number; state: TrainedState }
  /** Sent every second by a worker whose event loop runs: the page's heartbeat. */
  | { type: 'alive' }
  /** What tfjs holds: tensors and bytes (tf.memory()), the answer to the `probe` with the same id. */
  | { type: 'memory'; id: number; numTensors: number; numBytes: number }
  /** Something the user should know that is not an error (e.g. a change of backend). */
  | { type: 'notice'; message: string }
  /** Whether training runs; `compiling` while the first step of a run is being prepared. */
  | {
      type: 'state';
      playing: boolean;
      compiling: boolean;
      reason: PauseReason | null;
      message: string | null;
    }
  /** The answer to `measure`: steps per second on each backend, or why it could not be timed. */
  | { type: 'measured'; id: number; results: BackendMeasurement[] }
  /** Something failed; the message is for the user. `fatal` when the worker cannot train at all. */
  | { type: 'error'; message: string; fatal: boolean }
  /**
   * The run's training history (src/worker/trainingHistory.ts) changed: the steps of its kept
   * checkpoints and the steps at which a setting was changed live, both ascending. Sent with the
   * snapshot that follows a change; a rebuild, reset or load starts a new history, and the first list
   * of a new history has `fresh` set (a list that is shorter than the one before is the same history,
   * thinned).
   */
  | { type: 'history'; runId: number; fresh: boolean; steps: number[]; changes: number[] };
