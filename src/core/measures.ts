/**
 * The least-action measures of ../../shared/spec/science.md section 4, computed in float64 from a
 * recorded flow, with the per-block views of blockTransport.ts (W2^2 between consecutive depths, each
 * particle's share of the Monge gap). Notation: x_k^i the position of particle i at depth k,
 * v_k = (x_{k+1} - x_k) / h.
 */
import { solveAssignment } from './assignment';
import { blockDisplacementCosts, blockOptimalCosts, blockOtRatio, mongeGaps } from './blockTransport';
import type { Flow } from './flow';
import { positionIndex, selectParticles } from './flow';
import { createRandomStream, identityIndices, subsampleIndices } from './random';

/** All measures of one flow; see science.md section 4 for their meaning. */
export interface TransportMeasures {
  /** Number of particles the measures were computed on. */
  points: number;
  /** Whether those are a seeded subsample of a larger flow (see measureTransportSubsampled). */
  subsampled: boolean;
  /** E_k = mean_i ||v_k(x_k^i)||^2, one per block. */
  blockEnergies: Float64Array;
  /** C = (1/d) sum_k E_k with d = 2: the kinetic term of the loss. */
  kineticCost: number;
  /** A = h sum_k E_k, the discrete kinetic energy of the flow. */
  action: number;
  /** S = mean_i ||x_K^i - x_0^i||^2, the static cost of the network's own pairing. */
  straightLineCost: number;
  /** W2^2 = min over permutations p of mean_i ||x_0^i - x_K^p(i)||^2 (exact assignment). */
  optimalCost: number;
  /** W2^2 / S in (0, 1]; 1 when the network's pairing is optimal (and when S = 0). */
  otRatio: number;
  /** S / (K h A) in [0, 1]; 1 for straight constant-speed paths (and when A = 0). */
  straightness: number;
  /** W2^2 / (K h A); near 1 for a least-action flow (1 when A = 0). */
  efficiency: number;
  /** Share of pairs (i, j) with <x_0^i - x_0^j, x_K^i - x_K^j> < 0 (0 for a monotone map). */
  monotonicityViolations: number;
  /** The optimal pairing: particle i's input is sent to particle partnerOf[i]'s output. */
  partnerOf: Int32Array;
  /** Which particles of the flow were measured (all, or a subsample), in the flow's numbering. */
  indices: Int32Array;
  /** h, the time step of the measured flow (h^2 E_k is block k's displacement cost). */
  stepSize: number;
  /**
   * W2^2(mu_k, mu_{k+1}) per block [K], on the measured particles: the optimal cost of moving the
   * cloud at depth k onto the cloud at depth k + 1, at most h^2 E_k (see blockTransport.ts).
   */
  blockOptimalCosts: Float64Array;
  /** sum_k W2^2(mu_k, mu_{k+1}) / sum_k h^2 E_k in [0, 1]; 1 when every block pairs optimally. */
  blockOtRatio: number;
  /**
   * Each measured particle's share g_j of S - W2^2 [points], in the order of `indices` (see
   * mongeGaps in blockTransport.ts; negative where the optimal plan sends that particle further).
   */
  mongeGaps: Float64Array;
}

/** Per-block kinetic energies E_k = mean_i ||v_k(x_k^i)||^2. */
export function blockEnergies(flow: Flow): Float64Array {
  const { blocks, points, stepSize, positions } = flow;
  const energies = new Float64Array(blocks);
  for (let k = 0; k < blocks; k++) {
    let sum = 0;
    for (let i = 0; i < points; i++) {
      const a = positionIndex(flow, k, i);
      const b = positionIndex(flow, k + 1, i);
      const vx = (positions[b] - positions[a]) / stepSize;
      const vy = (positions[b + 1] - positions[a + 1]) / stepSize;
      sum += vx * vx + vy * vy;
    }
    energies[k] = points > 0 ? sum / points : 0;
  }
  return energies;
}

/**
 * Per-particle straightness ||x_K - x_0|| / sum_k h ||v_k||, in [0, 1]; 1 for a particle that
 * does not move.
 * @param out where to write ([n]); allocated when not given
 */
export function particleStraightness(flow: Flow, out = new Float32Array(flow.points)): Float32Array {
  const { blocks, points, positions } = flow;
  for (let i = 0; i < points; i++) {
    let pathLength = 0;
    for (let k = 0; k < blocks; k++) {
      const a = positionIndex(flow, k, i);
      const b = positionIndex(flow, k + 1, i);
      pathLength += Math.hypot(positions[b] - positions[a], positions[b + 1] - positions[a + 1]);
    }
    const first = positionIndex(flow, 0, i);
    const last = positionIndex(flow, blocks, i);
    const chord = Math.hypot(positions[last] - positions[first], positions[last + 1] - positions[first + 1]);
    out[i] = pathLength > 0 ? Math.min(1, chord / pathLength) : 1;
  }
  return out;
}

/** Endpoints x_0 and x_K of every particle, as float64 [n][2] arrays. */
function endpoints(flow: Flow): { start: Float64Array; end: Float64Array } {
  const start = new Float64Array(flow.points * 2);
  const end = new Float64Array(flow.points * 2);
  for (let i = 0; i < flow.points; i++) {
    const a = positionIndex(flow, 0, i);
    const b = positionIndex(flow, flow.blocks, i);
    start[2 * i] = flow.positions[a];
    start[2 * i + 1] = flow.positions[a + 1];
    end[2 * i] = flow.positions[b];
    end[2 * i + 1] = flow.positions[b + 1];
  }
  return { start, end };
}

/** S = mean_i ||x_K^i - x_0^i||^2. */
export function straightLineCost(flow: Flow): number {
  const { start, end } = endpoints(flow);
  let sum = 0;
  for (let i = 0; i < flow.points; i++) {
    sum += (end[2 * i] - start[2 * i]) ** 2 + (end[2 * i + 1] - start[2 * i + 1]) ** 2;
  }
  return flow.points > 0 ? sum / flow.points : 0;
}

/**
 * W2^2 between the input cloud and the output cloud with uniform weights: the optimal assignment of
 * the squared-distance matrix (solveAssignment; O(n^3) at worst). Also returns the optimal partner of each input.
 */
export function optimalTransport(flow: Flow): { cost: number; partnerOf: Int32Array } {
  const n = flow.points;
  const { start, end } = endpoints(flow);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      cost[i * n + j] = (start[2 * i] - end[2 * j]) ** 2 + (start[2 * i + 1] - end[2 * j + 1]) ** 2;
    }
  }
  const { columnOfRow, totalCost } = solveAssignment(cost, n);
  return { cost: n > 0 ? totalCost / n : 0, partnerOf: columnOfRow };
}

/** Share of pairs (i < j) whose displacement of differences has a negative inner product. */
export function monotonicityViolations(flow: Flow): number {
  const n = flow.points;
  if (n < 2) return 0;
  const { start, end } = endpoints(flow);
  let violations = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dot =
        (start[2 * i] - start[2 * j]) * (end[2 * i] - end[2 * j]) +
        (start[2 * i + 1] - start[2 * j + 1]) * (end[2 * i + 1] - end[2 * j + 1]);
      if (dot < 0) violations++;
    }
  }
  return violations / ((n * (n - 1)) / 2);
}

/**
 * Every measure of science.md section 4 for one flow, and its per-block views (all particles;
 * subsample first if large). Costs K + 1 exact assignments of n points.
 */
export function measureTransport(flow: Flow): TransportMeasures {
  const energies = blockEnergies(flow);
  const energySum = energies.reduce((s, e) => s + e, 0);
  const action = flow.stepSize * energySum;
  const straight = straightLineCost(flow);
  const { cost: optimal, partnerOf } = optimalTransport(flow);
  const pathBound = flow.blocks * flow.stepSize * action;
  const blockOptimal = blockOptimalCosts(flow);
  return {
    points: flow.points,
    subsampled: false,
    blockEnergies: energies,
    kineticCost: energySum / 2,
    action,
    straightLineCost: straight,
    optimalCost: optimal,
    otRatio: straight > 0 ? optimal / straight : 1,
    straightness: pathBound > 0 ? straight / pathBound : 1,
    efficiency: pathBound > 0 ? optimal / pathBound : 1,
    monotonicityViolations: monotonicityViolations(flow),
    partnerOf,
    indices: identityIndices(flow.points),
    stepSize: flow.stepSize,
    blockOptimalCosts: blockOptimal,
    blockOtRatio: blockOtRatio(blockOptimal, blockDisplacementCosts(energies, flow.stepSize)),
    mongeGaps: mongeGaps(flow, partnerOf),
  };
}

/** Largest cloud the exact assignment runs on; larger clouds are subsampled. */
export const MAX_ASSIGNMENT_POINTS = 512;

/**
 * measureTransport on at most MAX_ASSIGNMENT_POINTS particles: larger flows are subsampled with the
 * scenario seed's stream "measures/subsample", so the same run always measures the same particles.
 */
export function measureTransportSubsampled(flow: Flow, seed: number): TransportMeasures {
  if (flow.points <= MAX_ASSIGNMENT_POINTS) return measureTransport(flow);
  const rng = createRandomStream(seed, 'measures/subsample');
  const indices = subsampleIndices(flow.points, MAX_ASSIGNMENT_POINTS, rng);
  return { ...measureTransport(selectParticles(flow, indices)), subsampled: true, indices };
}
