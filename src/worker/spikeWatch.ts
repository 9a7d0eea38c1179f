/**
 * Watches the per-step training loss for spikes, so that the page can say when one happens: a spike
 * is a loss at least SPIKE_FACTOR times the lowest of the previous WINDOW steps and above
 * SPIKE_FLOOR. In least-action mode every step adds tau * CE to lambda, so a spike raises lambda by
 * tau times the spike's losses and the penalty weight 1/lambda falls at once: the notice says by how
 * much, so that the multiplier is never undone silently. One notice per spike: the watch re-arms
 * when the loss is back under the threshold that fired it.
 */

/** How many times the recent minimum a loss must reach to count as a spike. */
export const SPIKE_FACTOR = 10;
/** Losses below this are never a spike (tiny losses jump by large factors without consequence). */
export const SPIKE_FLOOR = 0.1;
/** Steps over which the recent minimum is taken. */
const WINDOW = 64;

interface Spike {
  step: number;
  /** The recent minimum the loss jumped from, and the threshold that fired. */
  from: number;
  threshold: number;
  /** lambda before the spike (the step before it), and the highest loss seen during it. */
  lambdaBefore: number;
  peak: number;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 0.01 && Math.abs(value) < 1e4 ? value.toPrecision(3) : value.toExponential(1);
}

export class SpikeWatch {
  private readonly losses = new Float64Array(WINDOW);
  private count = 0;
  private lastLambda = NaN;
  private spike: Spike | null = null;

  /** Forgets the past (a reset, a rebuild, or a live change whose effect on the loss is wanted). */
  reset(): void {
    this.count = 0;
    this.lastLambda = NaN;
    this.spike = null;
  }

  /**
   * Takes one step's training loss and the lambda it used; returns a notice when this step starts a
   * spike or ends one (with what it did to lambda), else null.
   */
  observe(step: number, loss: number, lambda: number): string | null {
    let notice: string | null = null;
    const spike = this.spike;
    if (spike) {
      spike.peak = Math.max(spike.peak, loss);
      if (loss < spike.threshold) {
        this.spike = null;
        notice = this.ended(spike, step, lambda);
      }
    } else if (this.count >= WINDOW && Number.isFinite(loss)) {
      const from = this.recentMinimum();
      const threshold = Math.max(SPIKE_FACTOR * from, SPIKE_FLOOR);
      if (loss >= threshold) {
        this.spike = { step, from, threshold, lambdaBefore: this.lastLambda, peak: loss };
        notice =
          `Loss spike at step ${step.toLocaleString('en-US')}: the training loss jumped from ` +
          `${formatNumber(from)} to ${formatNumber(loss)}.`;
      }
    }
    if (!this.spike) {
      this.losses[this.count % WINDOW] = loss;
      this.count++;
    }
    this.lastLambda = lambda;
    return notice;
  }

  private recentMinimum(): number {
    let min = Infinity;
    for (let i = 0; i < WINDOW; i++) min = Math.min(min, this.losses[i]);
    return min;
  }

  /** The end of a spike: what it did to lambda, if it moved (least action). */
  private ended(spike: Spike, step: number, lambda: number): string | null {
    const before = spike.lambdaBefore;
    if (!(lambda > before * 1.01)) return null;
    return (
      `The loss spike of step ${spike.step.toLocaleString('en-US')} (up to ${formatNumber(spike.peak)}) ended ` +
      `at step ${step.toLocaleString('en-US')}. Least action added tau × loss at each of its steps: ` +
      `λ went from ${formatNumber(before)} to ${formatNumber(lambda)}, so the penalty weight 1/λ fell from ` +
      `${formatNumber(1 / before)} to ${formatNumber(1 / lambda)}. Drag the penalty slider to set it back.`
    );
  }
}
