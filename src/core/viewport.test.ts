import { describe, expect, it } from 'vitest';
import type { FollowedRegion } from './viewport';
import {
  EASE_MS,
  fitRegion,
  followData,
  growRegion,
  panRegion,
  pixelMap,
  VIEW_MARGIN,
  zoomRegion,
} from './viewport';

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

describe('followData', () => {
  /** Points on the square [-r, r]^2 (its corners). */
  const cloud = (r: number) => Float32Array.of(-r, -r, r, -r, r, r, -r, r);
  const rest = (r: number) => ({ region: fitRegion(cloud(r)), ease: null });
  /** Axes of a run whose inputs are cloud(1). */
  const home = fitRegion(cloud(1));
  const follow = (state: FollowedRegion, points: Float32Array, now: number) =>
    followData(state, points, now, home);

  it('keeps the same axes (the same object) while the data stay in them', () => {
    const state = rest(1);
    expect(follow(state, cloud(0.9), 0)).toBe(state);
    // Shrunk to 0.65 of the size the axes were fitted to, not below SHRINK_BELOW: nothing moves.
    const wide = rest(2);
    expect(follow(wide, cloud(1.3), 0)).toBe(wide);
    expect(follow(wide, cloud(1.1), 0).ease).not.toBeNull();
  });

  it('grows at once when the data leave the axes, and eases back in over EASE_MS when they return', () => {
    const start = rest(1);
    const out = follow(start, cloud(5), 0);
    expect(out.ease).toBeNull();
    expect(out.region.half).toBeGreaterThanOrEqual(5);
    const easing = follow(out, cloud(1), 1000);
    expect(easing.ease).not.toBeNull();
    expect(easing.region).toEqual(out.region);
    // Halfway in time, smoothstep is halfway in size; later it is closer; at EASE_MS it has arrived.
    const half = follow(easing, cloud(1), 1000 + EASE_MS / 2);
    expect(half.region.half).toBeCloseTo((out.region.half + home.half) / 2, 9);
    const later = follow(half, cloud(1), 1000 + 0.9 * EASE_MS);
    expect(later.region.half).toBeLessThan(half.region.half);
    expect(later.region.half).toBeGreaterThan(home.half);
    const done = follow(later, cloud(1), 1000 + EASE_MS);
    expect(done.region).toEqual(home);
    expect(done.ease).toBeNull();
    // At rest again: the next snapshot changes nothing.
    expect(follow(done, cloud(1), 5000)).toBe(done);
  });

  it('does not pump: repeated snapshots of the same data settle once', () => {
    let state = follow(rest(1), cloud(4), 0);
    const regions = new Set<number>();
    for (let t = 0; t <= 5000; t += 33) {
      state = follow(state, cloud(1), t);
      if (!state.ease) regions.add(state.region.half);
    }
    expect(regions.size).toBe(1);
  });

  it('follows data that keep shrinking during an ease, and grows again at once if they jump out', () => {
    const big = follow(rest(1), cloud(8), 0);
    const easing = follow(big, cloud(4), 0);
    const shrunkOn = follow(easing, cloud(1), 300);
    expect(shrunkOn.ease?.to).toEqual(fitRegion(cloud(1)));
    const out = follow(shrunkOn, cloud(20), 400);
    expect(out.ease).toBeNull();
    expect(out.region.half).toBeGreaterThanOrEqual(20);
  });

  it('never closes in further than the fitted inputs', () => {
    const state = rest(1);
    expect(follow(state, cloud(0.1), 0)).toBe(state);
    const out = follow(state, cloud(5), 0);
    const back = follow(follow(out, cloud(0.1), 0), cloud(0.1), EASE_MS);
    expect(back.region).toEqual(home);
  });

  it('stays put when no coordinate is finite (a diverged run)', () => {
    const state = rest(1);
    expect(follow(state, Float32Array.of(NaN, NaN, Infinity, -Infinity), 0)).toBe(state);
  });
});
