import { describe, expect, it } from 'vitest';
import {
  blockDisplacementCosts,
  blockOptimalCosts,
  blockOtRatio,
  mongeGaps,
  mongeGapScale,
} from './blockTransport';
import { selectParticles } from './flow';
import { MAX_ASSIGNMENT_POINTS, measureTransport, measureTransportSubsampled } from './measures';
import { flowOf, randomFlow } from './testing/flows';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('per-block optimal costs W2^2(mu_k, mu_{k+1})', () => {
  it('see, as by hand, that a block swapping two points could have left them in place', () => {
    // Block 1 swaps (0, 0) and (1, 0): h^2 E = 1, yet the two clouds are the same (W2^2 = 0).
    // Block 2 lifts both by 0.5: nothing cheaper than that lift (W2^2 = h^2 E = 0.25).
    const depths = [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [1, 0],
        [0, 0],
      ],
      [
        [1, 0.5],
        [0, 0.5],
      ],
    ];
    const flow = flowOf(depths, 0.5);
    expect([...blockOptimalCosts(flow)]).toEqual([0, 0.25]);
    const m = measureTransport(flow);
    expect([...blockDisplacementCosts(m.blockEnergies, m.stepSize)]).toEqual([1, 0.25]);
    expect(m.blockOtRatio).toBeCloseTo(0.25 / 1.25, 12);
  });

  it('find the cheaper crossing among three points by hand', () => {
    // (0,0) -> (1,0), (1,0) -> (0,0), (3,0) -> (3,0.5): the best plan keeps the first two in place
    // (cost 0) and lifts the third (0.25); the network's own pairing costs 1 + 1 + 0.25.
    const flow = flowOf(
      [
        [
          [0, 0],
          [1, 0],
          [3, 0],
        ],
        [
          [1, 0],
          [0, 0],
          [3, 0.5],
        ],
      ],
      1,
    );
    expect(blockOptimalCosts(flow)[0]).toBeCloseTo(0.25 / 3, 12);
    expect(measureTransport(flow).blockEnergies[0]).toBeCloseTo(2.25 / 3, 12);
    // With one block, the per-block cost is the whole flow's W2^2.
    expect(blockOptimalCosts(flow)[0]).toBeCloseTo(measureTransport(flow).optimalCost, 12);
  });

  it('equal h^2 E_k for a translation (already optimal) and 0 for a block that does nothing', () => {
    const start = [
      [0, 0],
      [1, 0.5],
      [-0.5, 2],
    ];
    const depths = [
      start,
      start.map(([x, y]) => [x + 0.25, y - 0.5]),
      start.map(([x, y]) => [x + 0.25, y - 0.5]),
    ];
    const m = measureTransport(flowOf(depths, 0.5));
    expect(m.blockOptimalCosts[0]).toBeCloseTo(0.25 ** 2 + 0.5 ** 2, 6);
    expect(m.blockOptimalCosts[0]).toBeCloseTo(0.25 * m.blockEnergies[0], 12);
    expect(m.blockOptimalCosts[1]).toBe(0);
    expect(m.blockOtRatio).toBeCloseTo(1, 12);
  });

  it('never exceed h^2 E_k (the identity pairing is feasible) on random flows', () => {
    let blocks = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const K = 1 + (seed % 6);
      const h = seed % 2 === 0 ? 1 : 1 / K;
      const m = measureTransport(randomFlow(seed, K, 30 + seed, h));
      const bound = blockDisplacementCosts(m.blockEnergies, h);
      expect(m.blockOptimalCosts).toHaveLength(K);
      for (let k = 0; k < K; k++) {
        expect(m.blockOptimalCosts[k]).toBeGreaterThanOrEqual(0);
        expect(m.blockOptimalCosts[k]).toBeLessThanOrEqual(bound[k] * (1 + 1e-12));
        blocks++;
      }
      expect(m.blockOtRatio).toBeGreaterThan(0);
      expect(m.blockOtRatio).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(blocks).toBeGreaterThan(90);
  });

  it('are measured on the same seeded subsample as the other measures', () => {
    const flow = randomFlow(7, 3, MAX_ASSIGNMENT_POINTS + 100, 1 / 3);
    const m = measureTransportSubsampled(flow, 21);
    expect(m.subsampled).toBe(true);
    const measured = selectParticles(flow, m.indices);
    expect([...m.blockOptimalCosts]).toEqual([...blockOptimalCosts(measured)]);
    expect([...m.mongeGaps]).toEqual([...mongeGaps(measured, m.partnerOf)]);
    expect(m.mongeGaps).toHaveLength(MAX_ASSIGNMENT_POINTS);
  });

  it('give a flow without blocks or points no costs, and a still flow block OT ratio 1', () => {
    expect(blockOptimalCosts({ positions: new Float32Array(0), blocks: 2, points: 0, stepSize: 1 })).toEqual(
      new Float64Array(2),
    );
    expect(blockOtRatio([0, 0], [0, 0])).toBe(1);
    expect(blockOtRatio([1, 2], [2, 4])).toBe(0.5);
  });
});

describe('per-particle Monge gaps', () => {
  it('split a swap of two points evenly, as by hand', () => {
    const flow = flowOf(
      [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [0, 0],
        ],
      ],
      1,
    );
    const m = measureTransport(flow);
    // Each particle travels 1 under the network's pairing and 0 under the optimal one: (1 - 0) / 2.
    expect([...m.mongeGaps]).toEqual([0.5, 0.5]);
  });

  it('are negative for a particle the optimal plan sends further, to save more on another', () => {
    // A = (0, 0) -> (0.5, 0) costs A 0.25; B = (3, 0) -> (-1, 0) costs B 16. The optimal plan swaps
    // the outputs: A -> (-1, 0) costs 1 (more than A's own 0.25) and B -> (0.5, 0) costs 6.25.
    const flow = flowOf(
      [
        [
          [0, 0],
          [3, 0],
        ],
        [
          [0.5, 0],
          [-1, 0],
        ],
      ],
      1,
    );
    const m = measureTransport(flow);
    expect([...m.partnerOf]).toEqual([1, 0]);
    expect([...m.mongeGaps]).toEqual([(0.25 - 1) / 2, (16 - 6.25) / 2]);
    expect(sum(m.mongeGaps)).toBe(m.straightLineCost - m.optimalCost);
  });

  it('add up to S - W2^2 on random and subsampled flows (to 1e-12 relative)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const points = seed === 20 ? MAX_ASSIGNMENT_POINTS + 50 : 20 + 7 * seed;
      const m = measureTransportSubsampled(randomFlow(seed, 1 + (seed % 4), points, 1), seed);
      const gap = m.straightLineCost - m.optimalCost;
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(Math.abs(sum(m.mongeGaps) - gap)).toBeLessThanOrEqual(
        1e-12 * Math.max(m.straightLineCost, 1e-300),
      );
      // Where the network's pairing is already optimal for a particle, its gap is exactly 0.
      m.partnerOf.forEach((p, i) => {
        if (p === i) expect(m.mongeGaps[i]).toBe(0);
      });
    }
  });

  it('set the colour scale at the 90th percentile of the nonzero sizes', () => {
    expect(mongeGapScale([0, 0, 0])).toBe(0);
    expect(mongeGapScale([])).toBe(0);
    expect(mongeGapScale([0, -2, 0])).toBe(2);
    // Ten nonzero sizes 1..10 (signs mixed, zeros ignored): the 9th smallest; one outlier does not set it.
    expect(mongeGapScale([0, 1, -2, 3, -4, 5, 0, -6, 7, 8, -9, 1000])).toBe(9);
    expect(mongeGapScale([NaN, Infinity, 0.5])).toBe(0.5);
  });
});
