import { describe, expect, it } from 'vitest';
import { RenderStats } from './renderStats';

describe('RenderStats', () => {
  it('gives percentiles of the last frames only', () => {
    const stats = new RenderStats(100);
    expect(stats.percentile(50)).toBeNaN();
    for (let i = 0; i < 100; i++) stats.record(1000);
    for (let i = 1; i <= 100; i++) stats.record(i);
    expect(stats.frames).toBe(100);
    expect(stats.percentile(50)).toBe(51);
    expect(stats.percentile(95)).toBe(96);
    stats.reset();
    expect(stats.frames).toBe(0);
  });
});
