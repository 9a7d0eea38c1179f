import { describe, expect, it } from 'vitest';
import { createBatchSampler } from './batches';

describe('batch sampler', () => {
  it('returns null for full batch', () => {
    expect(createBatchSampler(10, 0, 1).next()).toBeNull();
    expect(createBatchSampler(10, 10, 1).next()).toBeNull();
    expect(createBatchSampler(10, 50, 1).next()).toBeNull();
  });

  it('visits every point once per epoch, in batches of a fixed size', () => {
    const sampler = createBatchSampler(12, 4, 3);
    const seen = [sampler.next()!, sampler.next()!, sampler.next()!].flatMap((b) => [...b]);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(12).keys()]);
  });

  it('straddles epochs so that every batch is full', () => {
    const sampler = createBatchSampler(10, 4, 3);
    const batches = Array.from({ length: 5 }, () => sampler.next()!);
    for (const b of batches) expect(b.length).toBe(4);
    const firstEpoch = batches.flatMap((b) => [...b]).slice(0, 10);
    expect(new Set(firstEpoch).size).toBe(10);
  });

  it('is determined by the seed', () => {
    const a = createBatchSampler(100, 8, 7);
    const b = createBatchSampler(100, 8, 7);
    const c = createBatchSampler(100, 8, 8);
    const first = [a.next(), b.next(), c.next()];
    expect(first[0]).toEqual(first[1]);
    expect(first[0]).not.toEqual(first[2]);
  });

  it('changes size live without restarting the stream', () => {
    const a = createBatchSampler(100, 10, 7);
    const b = createBatchSampler(100, 5, 7);
    const fromA = [...a.next()!];
    a.setBatchSize(5);
    const nextA = [...a.next()!];
    const fromB = [...b.next()!, ...b.next()!, ...b.next()!];
    expect([...fromA, ...nextA]).toEqual(fromB);
  });
});
