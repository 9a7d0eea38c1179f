import { describe, expect, it } from 'vitest';
import { DecimatingSeries } from '../core/series';
import { formatStep, nearestIndex } from './lineChart';

describe('nearestIndex', () => {
  it('finds the stored point nearest to a step', () => {
    const s = new DecimatingSeries(8);
    for (const x of [0, 10, 20, 30]) s.push(x, x);
    expect(nearestIndex(s, -5)).toBe(0);
    expect(nearestIndex(s, 14)).toBe(1);
    expect(nearestIndex(s, 16)).toBe(2);
    expect(nearestIndex(s, 99)).toBe(3);
    expect(nearestIndex(new DecimatingSeries(4), 3)).toBe(-1);
  });
});

describe('formatStep', () => {
  it('writes each tick on its own scale', () => {
    expect([0, 200, 500, 1000, 1500, 20_000, 1_200_000].map(formatStep)).toEqual([
      '0',
      '200',
      '500',
      '1k',
      '1.5k',
      '20k',
      '1.2M',
    ]);
  });
});
