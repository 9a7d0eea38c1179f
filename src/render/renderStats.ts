/** Render cost per frame: the last frames' durations in a fixed ring, and their percentiles. */
export class RenderStats {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;

  constructor(capacity = 600) {
    this.samples = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.samples.length;
    this.count = Math.min(this.count + 1, this.samples.length);
  }

  /** Number of frames recorded (at most the capacity). */
  get frames(): number {
    return this.count;
  }

  /** The p-th percentile (0-100) of the recorded frames, NaN when none. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const sorted = Array.from(this.samples.subarray(0, this.count)).sort((a, b) => a - b);
    return sorted[Math.min(this.count - 1, Math.floor((p / 100) * this.count))];
  }

  reset(): void {
    this.count = 0;
    this.next = 0;
  }
}
