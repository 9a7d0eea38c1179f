import { describe, expect, it } from 'vitest';
import { DecimatingSeries } from './series';

describe('DecimatingSeries', () => {
  it('stores points until full, then halves its resolution and keeps the whole range', () => {
    const s = new DecimatingSeries(8);
    for (let i = 0; i < 8; i++) s.push(i, i * 10);
    expect(s.length).toBe(8);
    s.push(8, 80);
    expect(Array.from(s.xs.subarray(0, s.length))).toEqual([0, 2, 4, 6, 8]);
    for (let i = 9; i < 100_000; i++) s.push(i, i * 10);
    expect(s.length).toBeLessThanOrEqual(8);
    const xs = Array.from(s.xs.subarray(0, s.length));
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBeGreaterThan(50_000);
    for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBe(xs[1] - xs[0]);
    expect(s.lastY()).toBe(xs[xs.length - 1] * 10);
  });

  it('drops the points after a step and goes on at the same resolution', () => {
    const s = new DecimatingSeries(8);
    for (let i = 1; i <= 9; i++) s.push(i, i);
    expect(Array.from(s.xs.subarray(0, s.length))).toEqual([1, 3, 5, 7, 9]);
    s.truncateAfter(6);
    expect(Array.from(s.xs.subarray(0, s.length))).toEqual([1, 3, 5]);
    expect(s.lastY()).toBe(5);
    for (let i = 7; i <= 10; i++) s.push(i, i);
    expect(Array.from(s.xs.subarray(0, s.length))).toEqual([1, 3, 5, 7, 9]);
    s.truncateAfter(0);
    expect(s.length).toBe(0);
  });

  it('clears', () => {
    const s = new DecimatingSeries(4);
    s.push(1, 2);
    s.clear();
    expect(s.length).toBe(0);
    expect(s.lastY()).toBeNaN();
  });
});
