import { describe, expect, it } from 'vitest';
import { fitRegion, pixelMap, VIEW_MARGIN } from './viewport';

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
});
