import { describe, expect, it } from 'vitest';
import { createRandomStream, permutation, subsampleIndices } from './random';

describe('seeded random streams', () => {
  it('repeat exactly for the same seed and name', () => {
    const a = createRandomStream(42, 'init');
    const b = createRandomStream(42, 'init');
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('differ between names and between seeds', () => {
    const first = (seed: number, name: string) => createRandomStream(seed, name).next();
    expect(first(42, 'init')).not.toBe(first(42, 'batches'));
    expect(first(42, 'init')).not.toBe(first(43, 'init'));
  });

  it('give uniform floats in [0, 1) with the right mean and variance', () => {
    const rng = createRandomStream(7, 'uniform');
    let sum = 0;
    let sumSq = 0;
    let min = Infinity;
    let max = -Infinity;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      sumSq += u * u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('give standard normals', () => {
    const rng = createRandomStream(9, 'normal');
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sumSq / n).toBeCloseTo(1, 1);
  });

  it('permute and subsample without repeats', () => {
    const p = permutation(100, createRandomStream(1, 'p'));
    expect([...p].sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    const s = subsampleIndices(1000, 512, createRandomStream(1, 's'));
    expect(new Set(s).size).toBe(512);
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
    expect([...subsampleIndices(5, 10, createRandomStream(1, 's'))]).toEqual([0, 1, 2, 3, 4]);
  });
});
