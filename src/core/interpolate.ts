/**
 * Positions at a continuous depth t in [0, K]: between layers k = floor(t) and k + 1, each particle
 * moves on the straight segment from x_k to x_{k+1} (the step of block k taken at constant speed).
 */

/**
 * Writes the positions of `points` particles at depth t into `out` ([points][2]); t is clamped to
 * [0, blocks]. No allocation: renderers call this every frame.
 * @param positions [(blocks + 1)][points][2]
 */
export function interpolateDepth(
  positions: Float32Array,
  points: number,
  blocks: number,
  t: number,
  out: Float32Array,
): void {
  const depth = Math.min(Math.max(t, 0), blocks);
  const lower = Math.min(Math.floor(depth), Math.max(blocks - 1, 0));
  const upper = Math.min(lower + 1, blocks);
  const w = depth - lower;
  const a = lower * points * 2;
  const b = upper * points * 2;
  for (let i = 0; i < points * 2; i++) out[i] = positions[a + i] * (1 - w) + positions[b + i] * w;
}

/** The block a depth lies in: the one that moves particles from depth k to k + 1 (K - 1 at t = K). */
export function blockAt(t: number, blocks: number): number {
  return Math.min(Math.max(Math.floor(t), 0), Math.max(blocks - 1, 0));
}
