import { describe, expect, it } from 'vitest';
import { learningRateAt } from './learningRate';

describe('learningRateAt', () => {
  const schedule = { learningRate: 0.01, warmup: 100, decay: 50 };

  it('grows linearly over the warm-up and reaches the peak at its end', () => {
    expect(learningRateAt(schedule, 0)).toBeCloseTo(0.0001, 12);
    expect(learningRateAt(schedule, 49)).toBeCloseTo(0.005, 12);
    expect(learningRateAt(schedule, 99)).toBeCloseTo(0.01, 12);
    expect(learningRateAt(schedule, 100)).toBeCloseTo(0.01, 12);
  });

  it('then decays as the inverse square root of the steps since the warm-up', () => {
    // 150 steps after the warm-up: sqrt(50 / 200) = 1/2; 450 after: sqrt(50 / 500).
    expect(learningRateAt(schedule, 250)).toBeCloseTo(0.005, 12);
    expect(learningRateAt(schedule, 550)).toBeCloseTo(0.01 * Math.sqrt(0.1), 12);
  });

  it('is constant without warm-up and decay', () => {
    const constant = { learningRate: 0.03, warmup: 0, decay: 0 };
    for (const step of [0, 1, 1000, 1e7]) expect(learningRateAt(constant, step)).toBe(0.03);
  });
});
