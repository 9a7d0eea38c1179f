/**
 * How many training steps a slice may run: adapted to the backend (synchronous backends are bounded
 * by time, asynchronous ones like WebGPU by a step count that grows while slices stay short), capped
 * by the chosen pace (steps per second) and by a hold (compare mode keeps two runs together).
 */

/** Training time per slice before the session looks at its messages again. */
export const SLICE_MS = 16;
/** Most steps queued in one slice. */
const MAX_STEPS_PER_SLICE = 512;
/** How often a held run looks again whether it may go on. */
const HOLD_POLL_MS = 10;

export class Pacer {
  private stepsPerSlice = 1;
  /** The pace clock: steps taken at `pace` steps per second since `since`. */
  private paced = { pace: Infinity, since: 0, steps: 0 };
  /** Training waits at this step; Infinity: no hold. */
  holdAt = Infinity;

  /** Forgets the backend's speed (a new run, a new backend). */
  restart(): void {
    this.stepsPerSlice = 1;
    this.restartPace();
  }

  /** Starts the pace clock afresh (training started, or the pace changed). */
  restartPace(): void {
    this.paced = { pace: Infinity, since: 0, steps: 0 };
  }

  /** Steps the next slice may run at time `now`, after `stepCount` steps, at `pace` steps per second. */
  budget(now: number, stepCount: number, pace: number): number {
    return Math.min(this.stepsPerSlice, this.paceBudget(now, pace), Math.max(0, this.holdAt - stepCount));
  }

  /**
   * Learns from a finished slice: `steps` run of a `budget`, the steps taking `stepMs` of the slice's
   * `totalMs` (the rest was reading a snapshot back).
   */
  afterSlice(steps: number, budget: number, stepMs: number, totalMs: number): void {
    this.paced.steps += steps;
    // A slice limited by the pace or a hold says nothing about the backend's speed.
    if (budget < this.stepsPerSlice) return;
    if (steps === this.stepsPerSlice && totalMs < 2 * SLICE_MS) {
      this.stepsPerSlice = Math.min(MAX_STEPS_PER_SLICE, this.stepsPerSlice * 2);
    } else if (totalMs > 4 * SLICE_MS && stepMs < totalMs / 2) {
      this.stepsPerSlice = Math.max(1, Math.floor(this.stepsPerSlice / 2));
    }
  }

  /** Milliseconds to wait before the next slice (0: go on at once). */
  waitBefore(now: number, stepCount: number): number {
    if (stepCount >= this.holdAt) return HOLD_POLL_MS;
    const { pace, since, steps } = this.paced;
    if (!Number.isFinite(pace)) return 0;
    return Math.max(0, since + (steps * 1000) / pace - now);
  }

  /**
   * Steps the pace allows now: those due since the pace clock started, minus those taken; Infinity
   * when training runs as fast as possible.
   */
  private paceBudget(now: number, pace: number): number {
    if (!Number.isFinite(pace)) {
      this.paced.pace = Infinity;
      return Infinity;
    }
    if (this.paced.pace !== pace) this.paced = { pace, since: now, steps: 0 };
    return Math.max(0, Math.floor(((now - this.paced.since) * pace) / 1000) + 1 - this.paced.steps);
  }
}

/** Steps per second over the last second. */
export class StepRate {
  private samples: { at: number; step: number }[] = [];

  reset(): void {
    this.samples = [];
  }

  measure(now: number, step: number): number {
    this.samples.push({ at: now, step });
    while (this.samples.length > 2 && now - this.samples[1].at >= 1000) this.samples.shift();
    const first = this.samples[0];
    return now > first.at ? ((step - first.step) * 1000) / (now - first.at) : 0;
  }
}
