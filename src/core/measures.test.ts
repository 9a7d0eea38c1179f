import { describe, expect, it } from 'vitest';
import { selectParticles } from './flow';
import {
  blockEnergies,
  measureTransport,
  measureTransportSubsampled,
  MAX_ASSIGNMENT_POINTS,
  particleStraightness,
} from './measures';
import { identityIndices } from './random';
import { flowOf, randomFlow } from './testing/flows';

describe('least-action measures', () => {
  it('give a pure translation straightness 1, OT ratio 1 and known energies', () => {
    const start = [
      [0, 0],
      [1, 0.5],
      [-0.5, 2],
    ];
    const h = 0.25;
    const shift = [0.1, -0.2];
    const depths = [0, 1, 2, 3].map((k) => start.map(([x, y]) => [x + k * shift[0], y + k * shift[1]]));
    const m = measureTransport(flowOf(depths, h));
    const speedSq = (0.1 ** 2 + 0.2 ** 2) / h ** 2;
    for (const e of m.blockEnergies) expect(e).toBeCloseTo(speedSq, 4);
    expect(m.kineticCost).toBeCloseTo((3 * speedSq) / 2, 4);
    expect(m.action).toBeCloseTo(h * 3 * speedSq, 4);
    expect(m.straightLineCost).toBeCloseTo(9 * (0.1 ** 2 + 0.2 ** 2), 5);
    expect(m.straightness).toBeCloseTo(1, 5);
    expect(m.otRatio).toBeCloseTo(1, 5);
    expect(m.efficiency).toBeCloseTo(1, 5);
    expect(m.monotonicityViolations).toBe(0);
    for (const s of particleStraightness(flowOf(depths, h))) expect(s).toBeCloseTo(1, 5);
  });

  it('give a flow that swaps two points OT ratio < 1 and one monotonicity violation', () => {
    const depths = [
      [
        [0, 0],
        [1, 0],
      ],
      [
        [0.5, 0.5],
        [0.5, -0.5],
      ],
      [
        [1, 0],
        [0, 0],
      ],
    ];
    const m = measureTransport(flowOf(depths, 1));
    expect(m.straightLineCost).toBeCloseTo(1, 6);
    expect(m.optimalCost).toBeCloseTo(0, 6);
    expect(m.otRatio).toBeLessThan(1);
    expect(m.monotonicityViolations).toBe(1);
    expect([...m.partnerOf]).toEqual([1, 0]);
    expect([...m.indices]).toEqual([0, 1]);
    // Each particle walks two legs of length sqrt(0.5) to cover a chord of length 1.
    for (const s of particleStraightness(flowOf(depths, 1))) expect(s).toBeCloseTo(1 / Math.SQRT2, 5);
    // E_k = 0.5 per block; A = 1; K h A = 2 >= S = 1.
    expect([...blockEnergies(flowOf(depths, 1))]).toEqual([0.5, 0.5]);
    expect(m.straightness).toBeCloseTo(0.5, 6);
  });

  it('respect W2^2 <= S <= K h A on random flows', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const blocks = 1 + (seed % 7);
      const h = seed % 2 === 0 ? 1 : 1 / blocks;
      const m = measureTransport(randomFlow(seed, blocks, 40, h));
      expect(m.optimalCost).toBeLessThanOrEqual(m.straightLineCost + 1e-9);
      expect(m.straightLineCost).toBeLessThanOrEqual(blocks * h * m.action * (1 + 1e-6) + 1e-9);
      expect(m.otRatio).toBeGreaterThan(0);
      expect(m.otRatio).toBeLessThanOrEqual(1 + 1e-9);
      expect(m.straightness).toBeLessThanOrEqual(1 + 1e-6);
      expect(m.efficiency).toBeLessThanOrEqual(m.straightness + 1e-9);
    }
  });

  it('subsample large clouds to a fixed, seed-determined set', () => {
    const flow = randomFlow(5, 3, 700, 1);
    const a = measureTransportSubsampled(flow, 11);
    const b = measureTransportSubsampled(flow, 11);
    const c = measureTransportSubsampled(flow, 12);
    expect(a.points).toBe(MAX_ASSIGNMENT_POINTS);
    expect(a.subsampled).toBe(true);
    expect(a.indices).toHaveLength(MAX_ASSIGNMENT_POINTS);
    expect(new Set(a.partnerOf).size).toBe(MAX_ASSIGNMENT_POINTS);
    expect(a).toEqual(b);
    expect(a.optimalCost).not.toBe(c.optimalCost);
    const small = selectParticles(flow, [0, 1, 2, 3]);
    expect(measureTransportSubsampled(small, 11)).toEqual(measureTransport(small));
    expect(measureTransportSubsampled(small, 11).subsampled).toBe(false);
    const exactlyAll = selectParticles(flow, identityIndices(MAX_ASSIGNMENT_POINTS));
    expect(measureTransportSubsampled(exactlyAll, 11).subsampled).toBe(false);
  });
});
