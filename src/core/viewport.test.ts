import { describe, expect, it } from 'vitest';
import { fitRegion, growRegion, panRegion, pixelMap, VIEW_MARGIN, zoomRegion } from './viewport';

describe('viewport', () => {
  it('fits a square around the points with a margin, ignoring non-finite values', () => {
    const r = fitRegion(Float32Array.from([0, 0, 2, 1, NaN, 50]), Float32Array.from([1, -1]));
    expect(r.cx).toBe(1);
    expect(r.cy).toBe(0);
    expect(r.half).toBeCloseTo(1 + 2 * VIEW_MARGIN, 6);
  });

  it('falls back to a unit-ish square when there is nothing to fit', () => {
    expect(fitRegion(new Float32Array(0))).toEqual({ cx: 0, cy: 0, half: 1.5 });
  });

  it('maps the region centre to the canvas centre with y pointing up', () => {
    const m = pixelMap({ cx: 1, cy: 2, half: 2 }, 400, 200);
    expect(1 * m.scale + m.offsetX).toBe(200);
    expect(-2 * m.scale + m.offsetY).toBe(100);
    expect(m.scale).toBe(50);
    expect(-(2 + 1) * m.scale + m.offsetY).toBeLessThan(100);
  });

  it('zooms about an anchor that stays put, and pans', () => {
    const r = { cx: 0, cy: 0, half: 2 };
    const z = zoomRegion(r, 2, 1, 1);
    expect(z.half).toBe(1);
    // The anchor is at the same relative place: (1 - 0) / 2 = (1 - z.cx) / 1.
    expect((1 - z.cx) / z.half).toBeCloseTo((1 - r.cx) / r.half, 12);
    expect(panRegion(z, 0.5, -1)).toEqual({ cx: z.cx + 0.5, cy: z.cy - 1, half: 1 });
  });

  it('keeps the region while points stay inside, and grows it to hold points that leave', () => {
    const region = { cx: 0, cy: 0, half: 2 };
    expect(growRegion(region, Float32Array.from([1.9, -1.95, 0, 0, NaN, 100]))).toBe(region);
    const grown = growRegion(region, Float32Array.from([0, 0, 5, 1]));
    const contains = (x: number, y: number) =>
      Math.abs(x - grown.cx) <= grown.half && Math.abs(y - grown.cy) <= grown.half;
    expect(contains(5, 1)).toBe(true);
    expect(contains(-2, -2)).toBe(true);
    expect(contains(2, 2)).toBe(true);
    expect(growRegion(grown, Float32Array.from([5, 1]))).toBe(grown);
  });
});
