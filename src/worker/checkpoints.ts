/**
 * The latest weights worth keeping: taken every few seconds while training and at every pause, sent
 * to the page (which restarts a crashed or silent worker from them) and kept here (to continue on
 * another backend when the GPU device is lost).
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
    const state = {
      weights: flattenWeights(await trainer.weights()),
      step: trainer.stepCount,
      lambda: await trainer.multiplier(),
    };
    if (!isCurrent()) return;
    this.latest = state;
    this.host.post({ type: 'checkpoint', runId, state: { ...state, weights: state.weights.slice() } });
  }
}
