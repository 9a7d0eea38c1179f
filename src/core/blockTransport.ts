/**
 * The per-block views of the transport the authors plotted, in float64 from a recorded flow
 * (notation of measures.ts: x_k^i the position of particle i at depth k, mu_k the uniform measure on
 * the n points x_k^i):
 *
 * - per block, the optimal cost W2^2(mu_k, mu_{k+1}) of moving the cloud at depth k onto the cloud at
 *   depth k + 1, beside the block's own cost h^2 E_k = mean_i ||x_{k+1}^i - x_k^i||^2 (the cost of the
 *   identity pairing, which is feasible, so W2^2(mu_k, mu_{k+1}) <= h^2 E_k);
 * - per particle, its share of the Monge gap S - W2^2 between the network's pairing x_0^i -> x_K^i and
 *   the optimal pairing x_0^i -> x_K^{partnerOf[i]}.
 */
import { solveAssignment } from './assignment';
import type { Flow } from './flow';
import { positionIndex } from './flow';

/**
 * The squared-distance matrix between the particles at depth `from` (rows) and at depth `to`
 * (columns), row-major n x n, written into `out`.
 */
function squaredDistances(flow: Flow, from: number, to: number, out: Float64Array): Float64Array {
  const { points: n, positions } = flow;
  for (let i = 0; i < n; i++) {
    const a = positionIndex(flow, from, i);
    const ax = positions[a];
    const ay = positions[a + 1];
    for (let j = 0; j < n; j++) {
      const b = positionIndex(flow, to, j);
      out[i * n + j] = (ax - positions[b]) ** 2 + (ay - positions[b + 1]) ** 2;
    }
  }
  return out;
}

/**
 * W2^2(mu_k, mu_{k+1}) = min over permutations p of mean_i ||x_k^i - x_{k+1}^p(i)||^2 for
 * k = 0 .. K-1, by exact assignment (solveAssignment: an auction, then shortest augmenting paths,
 * proved optimal by its duals; O(n^3) in the worst case, a few times n^2 on a flow's clouds). Call it on
 * the measured particles only (measureTransportSubsampled's subsample), as measureTransport does.
 * @returns [K], in the squared units of the plane
 * @throws when a position is not finite (see solveAssignment)
 */
export function blockOptimalCosts(flow: Flow): Float64Array {
  const n = flow.points;
  const costs = new Float64Array(flow.blocks);
  if (n === 0) return costs;
  const matrix = new Float64Array(n * n);
  for (let k = 0; k < flow.blocks; k++) {
    const { totalCost } = solveAssignment(squaredDistances(flow, k, k + 1, matrix), n);
    costs[k] = totalCost / n;
  }
  return costs;
}

/**
 * h^2 E_k = mean_i ||x_{k+1}^i - x_k^i||^2 per block, from the energies E_k and the step h: the cost of
 * the network's own (identity) pairing between consecutive depths, the bound of blockOptimalCosts.
 * @returns [K], in the squared units of the plane
 */
export function blockDisplacementCosts(blockEnergies: ArrayLike<number>, stepSize: number): Float64Array {
  return Float64Array.from(blockEnergies, (e) => stepSize * stepSize * e);
}

/**
 * Each particle's share of the Monge gap S - W2^2:
 *
 *   g_i = (||x_K^i - x_0^i||^2 - ||x_K^{partnerOf[i]} - x_0^i||^2) / n,
 *
 * so that sum_i g_i = S - W2^2 >= 0 when partnerOf is the optimal pairing. g_i > 0: the network sends
 * x_0^i further than the optimal plan does (the particle's excess over the optimal pairing).
 * g_i < 0: the optimal plan sends x_0^i further than the network does; it pays that to save more on
 * other particles (a single particle can be better off under the network's pairing, the whole cloud
 * cannot). g_i = 0 where the network's pairing is the optimal one for that particle (partnerOf[i] = i).
 * @param partnerOf the optimal pairing of measureTransport, [n] in the flow's numbering
 * @returns [n], in the squared units of the plane divided by n
 */
export function mongeGaps(flow: Flow, partnerOf: ArrayLike<number>): Float64Array {
  const { points: n, blocks: K, positions } = flow;
  const gaps = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = positionIndex(flow, 0, i);
    const own = positionIndex(flow, K, i);
    const partner = positionIndex(flow, K, partnerOf[i]);
    const ownCost = (positions[own] - positions[a]) ** 2 + (positions[own + 1] - positions[a + 1]) ** 2;
    const optimalCost =
      (positions[partner] - positions[a]) ** 2 + (positions[partner + 1] - positions[a + 1]) ** 2;
    gaps[i] = (ownCost - optimalCost) / n;
  }
  return gaps;
}

/**
 * The block OT ratio sum_k W2^2(mu_k, mu_{k+1}) / sum_k h^2 E_k, in [0, 1]: 1 when every block's own
 * pairing of consecutive depths is an optimal one (1 when no block moves anything).
 */
export function blockOtRatio(optimalCosts: ArrayLike<number>, displacementCosts: ArrayLike<number>): number {
  let optimal = 0;
  let displacement = 0;
  for (let k = 0; k < optimalCosts.length; k++) {
    optimal += optimalCosts[k];
    displacement += displacementCosts[k];
  }
  return displacement > 0 ? optimal / displacement : 1;
}

/** The quantile of the nonzero |g_i| at which the Monge-gap colours saturate. */
export const MONGE_GAP_SCALE_QUANTILE = 0.9;

/**
 * The scale of the Monge-gap colours: the MONGE_GAP_SCALE_QUANTILE quantile (nearest rank) of |g_i|
 * over the particles whose gap is not 0, so that a few large gaps do not wash out the others; larger
 * gaps take the outermost colour. 0 when every gap is 0 (or not finite).
 */
export function mongeGapScale(gaps: ArrayLike<number>): number {
  const sizes = Float64Array.from(gaps, Math.abs)
    .filter((g) => g > 0 && Number.isFinite(g))
    .sort();
  if (sizes.length === 0) return 0;
  return sizes[Math.ceil(MONGE_GAP_SCALE_QUANTILE * sizes.length) - 1];
}
