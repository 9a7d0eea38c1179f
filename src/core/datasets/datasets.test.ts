import { describe, expect, it } from 'vitest';
import type { DatasetSpec, SampledKind } from '../types';
import { DATASETS, datasetClasses, makeDataset } from './index';
import { INNER_RADIUS, OUTER_RADIUS } from './circles';

const kinds = Object.keys(DATASETS) as SampledKind[];
const spec = (kind: SampledKind, extra: Partial<DatasetSpec> = {}): DatasetSpec => ({
  kind,
  n: 301,
  nTest: 200,
  noise: 0.1,
  blobClasses: 3,
  seed: 5,
  ...extra,
});

describe.each(kinds)('dataset %s', (kind) => {
  it('has the requested shape and finite coordinates', () => {
    const { train, test } = makeDataset(spec(kind));
    expect(train.x.length).toBe(2 * 301);
    expect(train.y.length).toBe(301);
    expect(test.x.length).toBe(2 * 200);
    expect(test.y.length).toBe(200);
    expect(train.classes).toBe(datasetClasses(spec(kind)));
    for (const v of train.x) expect(Number.isFinite(v)).toBe(true);
    for (const v of train.x) expect(Math.abs(v)).toBeLessThan(3);
  });

  it('is class balanced (counts differ by at most one)', () => {
    const { train } = makeDataset(spec(kind));
    const counts = new Array<number>(train.classes).fill(0);
    for (const label of train.y) counts[label]++;
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(301);
  });

  it('is determined by the seed, and the test set differs from the training set', () => {
    const a = makeDataset(spec(kind));
    const b = makeDataset(spec(kind));
    const c = makeDataset(spec(kind, { seed: 6 }));
    expect(a.train.x).toEqual(b.train.x);
    expect(a.train.y).toEqual(b.train.y);
    expect(a.test.x).toEqual(b.test.x);
    expect(a.train.x).not.toEqual(c.train.x);
    expect(a.test.x.slice(0, 100)).not.toEqual(a.train.x.slice(0, 100));
  });

  it('shuffles the classes (no long run of one label)', () => {
    const { train } = makeDataset(spec(kind));
    let longest = 1;
    let run = 1;
    for (let i = 1; i < train.y.length; i++) {
      run = train.y[i] === train.y[i - 1] ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThan(20);
  });
});

describe('dataset geometry without noise', () => {
  it('puts the circles on their radii', () => {
    const { train } = makeDataset(spec('circles', { noise: 0 }));
    for (let i = 0; i < train.y.length; i++) {
      const r = Math.hypot(train.x[2 * i], train.x[2 * i + 1]);
      expect(r).toBeCloseTo(train.y[i] === 0 ? OUTER_RADIUS : INNER_RADIUS, 5);
    }
  });

  it('labels XOR by the sign of x * y', () => {
    const { train } = makeDataset(spec('xor', { noise: 0 }));
    for (let i = 0; i < train.y.length; i++) {
      expect(train.x[2 * i] * train.x[2 * i + 1] > 0 ? 0 : 1).toBe(train.y[i]);
    }
  });

  it('labels the checkerboard by cell parity', () => {
    const { train } = makeDataset(spec('checker', { noise: 0 }));
    for (let i = 0; i < train.y.length; i++) {
      const col = Math.floor((train.x[2 * i] + 1) * 2);
      const row = Math.floor((train.x[2 * i + 1] + 1) * 2);
      expect((row + col) % 2).toBe(train.y[i]);
    }
  });

  it('gives blobs the requested number of classes', () => {
    for (const blobClasses of [2, 3, 4]) {
      const { train } = makeDataset(spec('blobs', { blobClasses }));
      expect(new Set(train.y).size).toBe(blobClasses);
    }
  });

  it('gives the three-arm spiral three classes', () => {
    const { train } = makeDataset(spec('spiral3'));
    expect(new Set(train.y).size).toBe(3);
  });
});

describe('own points', () => {
  const points = { x: Float32Array.from([0, 0, 1, 1, -1, 0.5]), y: Uint8Array.from([0, 1, 2]) };
  const own = (extra: Partial<DatasetSpec> = {}): DatasetSpec => ({
    ...spec('moons'),
    kind: 'custom',
    n: 3,
    nTest: 50,
    points,
    ...extra,
  });

  it('train on the points as given, and test on points drawn around them', () => {
    const { train, test } = makeDataset(own());
    expect(train.x).toBe(points.x);
    expect(train.classes).toBe(3);
    expect(test.y.length).toBe(50);
    for (let i = 0; i < 50; i++) {
      const near = [0, 1, 2].some(
        (j) =>
          test.y[i] === points.y[j] &&
          Math.hypot(test.x[2 * i] - points.x[2 * j], test.x[2 * i + 1] - points.x[2 * j + 1]) < 1,
      );
      expect(near).toBe(true);
    }
    expect(makeDataset(own()).test.x).toEqual(test.x);
    expect(datasetClasses(own())).toBe(3);
  });

  it('need two points of two classes', () => {
    expect(() =>
      makeDataset(own({ points: { x: Float32Array.from([0, 0]), y: Uint8Array.from([0]) } })),
    ).toThrow(/two points of two/);
    expect(() =>
      makeDataset(own({ points: { x: Float32Array.from([0, 0, 1, 1]), y: Uint8Array.from([1, 1]) } })),
    ).toThrow();
  });
});
