/**
 * A bounded series of (x, y) points for charts of arbitrarily long runs: when full, it keeps every
 * other point and from then on accepts only every second (fourth, ...) point, so memory stays fixed
 * and the whole run stays visible at a resolution that halves as the run doubles.
 */
export class DecimatingSeries {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  private count = 0;
  private stride = 1;
  private seen = 0;

  /** @param capacity maximum number of stored points (even, >= 4) */
  constructor(readonly capacity = 2048) {
    if (capacity < 4 || capacity % 2 !== 0) throw new Error('capacity must be an even number >= 4');
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  /** Number of stored points. */
  get length(): number {
    return this.count;
  }

  push(x: number, y: number): void {
    if (this.seen++ % this.stride !== 0) return;
    if (this.count === this.capacity) {
      for (let i = 0; i < this.capacity / 2; i++) {
        this.xs[i] = this.xs[2 * i];
        this.ys[i] = this.ys[2 * i];
      }
      this.count = this.capacity / 2;
      this.stride *= 2;
      // The point that triggered the halving is kept only if it falls on the new stride.
      if ((this.seen - 1) % this.stride !== 0) return;
    }
    this.xs[this.count] = x;
    this.ys[this.count] = y;
    this.count++;
  }

  /** The last stored point's y, or NaN when empty. */
  lastY(): number {
    return this.count > 0 ? this.ys[this.count - 1] : NaN;
  }

  /**
   * Drops the stored points whose x is above `x` (xs are pushed in increasing order). The stride
   * stays, so the series goes on at its current resolution.
   */
  truncateAfter(x: number): void {
    while (this.count > 0 && this.xs[this.count - 1] > x) this.count--;
    this.seen = this.count * this.stride;
  }

  clear(): void {
    this.count = 0;
    this.stride = 1;
    this.seen = 0;
  }
}
