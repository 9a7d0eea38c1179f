import { describe, expect, it } from 'vitest';
import { BufferPool } from './bufferPool';

describe('BufferPool', () => {
  it('copies into the smallest given-back buffer that holds the data', () => {
    const pool = new BufferPool(3);
    const small = new ArrayBuffer(16);
    const large = new ArrayBuffer(24);
    pool.give(large);
    pool.give(small);
    const copy = pool.copyOf(Float32Array.of(1, 2, 3));
    expect(copy.buffer).toBe(small);
    expect(Array.from(copy)).toEqual([1, 2, 3]);
    expect(pool.copyOf(Float32Array.of(4, 5, 6)).buffer).toBe(large);
    expect(pool.size).toBe(0);
  });

  it('makes a buffer with room to spare when none fits', () => {
    const pool = new BufferPool(3);
    pool.give(new ArrayBuffer(4));
    pool.give(new ArrayBuffer(1 << 20));
    const copy = pool.copyOf(new Float32Array(1000).fill(7));
    expect(copy.length).toBe(1000);
    expect(copy.byteOffset).toBe(0);
    expect(copy.buffer.byteLength).toBeGreaterThanOrEqual(5000);
    expect(pool.size).toBe(2);
  });

  it('keeps the newest buffers up to its capacity and ignores detached ones', () => {
    const pool = new BufferPool(2);
    pool.give(new ArrayBuffer(0));
    for (const bytes of [4, 8, 12]) pool.give(new ArrayBuffer(bytes));
    expect(pool.size).toBe(2);
  });
});
