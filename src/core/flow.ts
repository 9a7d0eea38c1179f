/**
 * A recorded flow: the positions of n particles at every depth of a K-block residual network,
 * x_0 .. x_K, in one flat array. Velocities are implied: v_k(x_k) = (x_{k+1} - x_k) / h.
 */
export interface Flow {
  /** Positions, [K + 1][n][2] flattened: x of particle i at depth k is at (k * n + i) * 2. */
  positions: Float32Array;
  /** K, the number of blocks. */
  blocks: number;
  /** n, the number of particles. */
  points: number;
  /** h, the time step. */
  stepSize: number;
}

/** Index of the x coordinate of particle i at depth k in Flow.positions. */
export function positionIndex(flow: Flow, k: number, i: number): number {
  return (k * flow.points + i) * 2;
}

/** A flow restricted to the given particles (in the given order). */
export function selectParticles(flow: Flow, indices: ArrayLike<number>): Flow {
  const m = indices.length;
  const positions = new Float32Array((flow.blocks + 1) * m * 2);
  for (let k = 0; k <= flow.blocks; k++) {
    for (let j = 0; j < m; j++) {
      const from = positionIndex(flow, k, indices[j]);
      const to = (k * m + j) * 2;
      positions[to] = flow.positions[from];
      positions[to + 1] = flow.positions[from + 1];
    }
  }
  return { positions, blocks: flow.blocks, points: m, stepSize: flow.stepSize };
}
