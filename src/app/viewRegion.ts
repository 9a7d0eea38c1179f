/**
 * The square of the plane every transport canvas shows: the union of the runs' own axes (one run, or
 * both in compare mode, so that the two views are drawn on the same axes), moved by the user's zoom
 * and pan. The result keeps its identity while nothing changes, so per-frame readers can compare it.
 */
import type { PlaneRegion } from '../core/viewport';
import type { Camera } from '../render/camera';
import type { Runs } from './runs';

export interface ViewRegion {
  /** The runs' own axes together (before zoom and pan), or null before the first snapshot. */
  auto(): PlaneRegion | null;
  /** What the canvases show, or null before the first snapshot. */
  visible(): PlaneRegion | null;
}

function union(a: PlaneRegion, b: PlaneRegion): PlaneRegion {
  const lo = (r: PlaneRegion, c: 'cx' | 'cy') => r[c] - r.half;
  const hi = (r: PlaneRegion, c: 'cx' | 'cy') => r[c] + r.half;
  const x0 = Math.min(lo(a, 'cx'), lo(b, 'cx'));
  const x1 = Math.max(hi(a, 'cx'), hi(b, 'cx'));
  const y0 = Math.min(lo(a, 'cy'), lo(b, 'cy'));
  const y1 = Math.max(hi(a, 'cy'), hi(b, 'cy'));
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half: Math.max(x1 - x0, y1 - y0) / 2 };
}

export function createViewRegion(runs: Runs, camera: Camera): ViewRegion {
  let inputs: (PlaneRegion | null)[] = [];
  let cached: PlaneRegion | null = null;
  const auto = () => {
    const a = runs.a.frames.current()?.region ?? null;
    const b = runs.b()?.frames.current()?.region ?? null;
    if (inputs[0] !== a || inputs[1] !== b) {
      inputs = [a, b];
      cached = a && b ? union(a, b) : (a ?? b);
    }
    return cached;
  };
  return {
    auto,
    visible() {
      const region = auto();
      return region ? camera.visible(region) : null;
    },
  };
}
