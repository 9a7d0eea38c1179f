/**
 * The latest state worth keeping (weights, step, multiplier and the optimiser's moments): taken every
 * few seconds while training and at every pause, sent to the page (which restarts a crashed or silent
 * worker from it) and kept here (to continue on another backend when the GPU device is lost).
 */
import { flattenWeights } from '../core/weights';
import type { Trainer } from '../engine/trainer';
import type { TrainedState } from '../scenario/trainedState';
import type { WorkerEvent } from './protocol';

/** Shortest time between two checkpoints while training. */
export const CHECKPOINT_INTERVAL_MS = 2000;

interface CheckpointHost {
  post(event: WorkerEvent): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/** Everything a run needs to continue exactly: weights, step, multiplier and optimiser state. */
export async function fullState(trainer: Trainer): Promise<TrainedState> {
  return {
    weights: flattenWeights(await trainer.weights()),
    step: trainer.stepCount,
    lambda: await trainer.multiplier(),
    optimizer: await trainer.optimizerState(),
  };
}

/** A copy whose arrays can be transferred away without touching the original. */
function copyState(state: TrainedState): TrainedState {
  const optimizer = state.optimizer && {
    ...state.optimizer,
    first: state.optimizer.first.slice(),
    second: state.optimizer.second.slice(),
  };
  return { ...state, weights: state.weights.slice(), optimizer };
}

export class Checkpoints {
  /** The latest state kept for the current run, or null. */
  latest: TrainedState | null = null;
  private lastAt = -Infinity;

  constructor(private readonly host: CheckpointHost) {}

  /** Whether one is due: at once when paused, else every CHECKPOINT_INTERVAL_MS. */
  due(playing: boolean): boolean {
    return !playing || this.host.now() - this.lastAt >= CHECKPOINT_INTERVAL_MS;
  }

  /** Keeps the trainer's weights (unless already kept at this step) and tells the page. */
  async take(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<void> {
    if (this.latest?.step === trainer.stepCount) return;
    this.lastAt = this.host.now();
    const state = await fullState(trainer);
    if (!isCurrent()) return;
    this.latest = state;
    this.host.post({ type: 'checkpoint', runId, state: copyState(state) });
  }
}
