/**
 * The transport measures recomputed the slow, obvious way (science.md section 4, written out again
 * here with nested arrays, every permutation enumerated for W2^2 and for each block's
 * W2^2(mu_k, mu_{k+1})) and compared with measures.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Flow } from './flow';
import { measureTransport, particleStraightness } from './measures';
import { createRandomStream } from './random';

type Point = [number, number];

/** depths[k][i] = x_k^i, read from the flat layout [K + 1][n][2]. */
function depthsOf(flow: Flow): Point[][] {
  return Array.from({ length: flow.blocks + 1 }, (_, k) =>
    Array.from({ length: flow.points }, (_, i): Point => [
      flow.positions[(k * flow.points + i) * 2],
      flow.positions[(k * flow.points + i) * 2 + 1],
    ]),
  );
}

const squaredDistance = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]),
  );
}

function bruteForceMeasures(flow: Flow) {
  const x = depthsOf(flow);
  const { blocks: K, points: n, stepSize: h } = flow;
  const E: number[] = [];
  for (let k = 0; k < K; k++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += squaredDistance(x[k + 1][i], x[k][i]) / h ** 2;
    E.push(sum / n);
  }
  const action = h * E.reduce((a, b) => a + b, 0);
  let S = 0;
  for (let i = 0; i < n; i++) S += squaredDistance(x[K][i], x[0][i]) / n;
  const cheapest = (from: Point[], to: Point[]) => {
    let least = Infinity;
    let best: number[] = [];
    for (const p of permutations(n)) {
      let cost = 0;
      for (let i = 0; i < n; i++) cost += squaredDistance(from[i], to[p[i]]) / n;
      if (cost < least) [least, best] = [cost, p];
    }
    return { cost: least, p: best };
  };
  const { cost: W2, p: best } = cheapest(x[0], x[K]);
  const blockW2 = Array.from({ length: K }, (_, k) => cheapest(x[k], x[k + 1]).cost);
  const gaps = Array.from(
    { length: n },
    (_, i) => (squaredDistance(x[K][i], x[0][i]) - squaredDistance(x[K][best[i]], x[0][i])) / n,
  );
  let negative = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dot =
        (x[0][i][0] - x[0][j][0]) * (x[K][i][0] - x[K][j][0]) +
        (x[0][i][1] - x[0][j][1]) * (x[K][i][1] - x[K][j][1]);
      if (dot < 0) negative++;
    }
  }
  const straightnessOf = (i: number) => {
    let path = 0;
    for (let k = 0; k < K; k++) path += h * Math.sqrt(squaredDistance(x[k + 1][i], x[k][i]) / h ** 2);
    return Math.sqrt(squaredDistance(x[K][i], x[0][i])) / path;
  };
  return {
    E,
    C: E.reduce((a, b) => a + b, 0) / 2,
    action,
    S,
    W2,
    partnerOf: best,
    blockW2,
    gaps,
    otRatio: W2 / S,
    straightness: S / (K * h * action),
    efficiency: W2 / (K * h * action),
    monotonicity: negative / ((n * (n - 1)) / 2),
    particles: Array.from({ length: n }, (_, i) => straightnessOf(i)),
  };
}

/** A random flow whose particles wander (so pairings cross and paths bend). */
function wanderingFlow(seed: number, blocks: number, points: number, stepSize: number): Flow {
  const r = createRandomStream(seed, 'measures/brute-force');
  const positions = new Float32Array((blocks + 1) * points * 2);
  for (let i = 0; i < 2 * points; i++) positions[i] = r.uniform(-1, 1);
  for (let k = 1; k <= blocks; k++) {
    for (let i = 0; i < 2 * points; i++) {
      positions[k * points * 2 + i] = positions[(k - 1) * points * 2 + i] + stepSize * r.normal();
    }
  }
  return { positions, blocks, points, stepSize };
}

describe('transport measures against a brute-force recomputation', () => {
  it('agree on random flows of 2 to 7 particles (W2^2 over every permutation)', () => {
    let trials = 0;
    for (let seed = 0; seed < 60; seed++) {
      const points = 2 + (seed % 6);
      const blocks = 1 + (seed % 4);
      const stepSize = seed % 2 === 0 ? 1 : 1 / blocks;
      const flow = wanderingFlow(seed, blocks, points, stepSize);
      const m = measureTransport(flow);
      const b = bruteForceMeasures(flow);
      const where = `seed ${seed}, n = ${points}, K = ${blocks}, h = ${stepSize}`;
      expect(m.points, where).toBe(points);
      expect(m.subsampled, where).toBe(false);
      b.E.forEach((e, k) => expect(m.blockEnergies[k], where).toBeCloseTo(e, 9));
      expect(m.kineticCost, where).toBeCloseTo(b.C, 9);
      expect(m.action, where).toBeCloseTo(b.action, 9);
      expect(m.straightLineCost, where).toBeCloseTo(b.S, 9);
      expect(m.optimalCost, where).toBeCloseTo(b.W2, 9);
      expect([...m.partnerOf], where).toEqual(b.partnerOf);
      b.blockW2.forEach((w, k) => expect(m.blockOptimalCosts[k], where).toBeCloseTo(w, 9));
      b.gaps.forEach((g, i) => expect(m.mongeGaps[i], where).toBeCloseTo(g, 9));
      expect(m.otRatio, where).toBeCloseTo(b.otRatio, 9);
      expect(m.straightness, where).toBeCloseTo(b.straightness, 9);
      expect(m.efficiency, where).toBeCloseTo(b.efficiency, 9);
      expect(m.monotonicityViolations, where).toBeCloseTo(b.monotonicity, 12);
      const particles = particleStraightness(flow);
      b.particles.forEach((s, i) => expect(particles[i], where).toBeCloseTo(s, 5));
      trials++;
    }
    expect(trials).toBe(60);
  });

  it('see, as by hand, that two particles swapping places are paired suboptimally', () => {
    // x_0 = (0, 0), (1, 0); x_1 = (1, 0), (0, 0): the network swaps them (S = 1), while leaving
    // them in place costs nothing (W2^2 = 0); their displacements are opposite (one violation).
    const flow: Flow = {
      positions: Float32Array.from([0, 0, 1, 0, 1, 0, 0, 0]),
      blocks: 1,
      points: 2,
      stepSize: 1,
    };
    const m = measureTransport(flow);
    expect(m.straightLineCost).toBe(1);
    expect(m.optimalCost).toBe(0);
    expect(m.otRatio).toBe(0);
    expect([...m.partnerOf]).toEqual([1, 0]);
    expect(m.monotonicityViolations).toBe(1);
    expect(m.action).toBe(1);
    expect(m.straightness).toBe(1);
  });
});
