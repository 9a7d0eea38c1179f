import { describe, expect, it } from 'vitest';
import type { PlaneRegion } from '../core/viewport';
import type { PlanePoint } from './camera';
import { createCamera, pinchRegion } from './camera';

/** Where a plane point appears on screen, in units of the half side from the centre. */
const onScreen = (r: PlaneRegion, p: PlanePoint) => ({ x: (p.x - r.cx) / r.half, y: (p.y - r.cy) / r.half });

describe('pinch', () => {
  it('fingers moving twice as far apart about the centre halve the square', () => {
    const start = { cx: 0, cy: 0, half: 2 };
    const next = pinchRegion(
      start,
      [
        { x: -1, y: 0 },
        { x: 1, y: 0 },
      ],
      [
        { x: -2, y: 0 },
        { x: 2, y: 0 },
      ],
    );
    expect(next).toEqual({ cx: 0, cy: 0, half: 1 });
  });

  it('fingers moving together by the same amount pan without zooming', () => {
    const start = { cx: 0, cy: 0, half: 2 };
    const next = pinchRegion(
      start,
      [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
      ],
      [
        { x: 0.5, y: 0 },
        { x: 1.5, y: 0 },
      ],
    );
    // The content follows the fingers half a unit to the right: the square moves half a unit left.
    expect(next).toEqual({ cx: -0.5, cy: 0, half: 2 });
  });

  it('keeps each grabbed point under its finger off centre (worked by hand)', () => {
    const start = { cx: 1, cy: -1, half: 4 };
    const grabbed: [PlanePoint, PlanePoint] = [
      { x: 0, y: 0 },
      { x: 2, y: 0 },
    ];
    const now: [PlanePoint, PlanePoint] = [
      { x: -1, y: 0 },
      { x: 3, y: 0 },
    ];
    const next = pinchRegion(start, grabbed, now);
    expect(next).toEqual({ cx: 1, cy: -0.5, half: 2 });
    for (const i of [0, 1]) expect(onScreen(next, grabbed[i])).toEqual(onScreen(start, now[i]));
  });

  it('fingers closing zoom out, and two fingers on one spot only pan', () => {
    const start = { cx: 0, cy: 0, half: 1 };
    const out = pinchRegion(
      start,
      [
        { x: 0, y: -0.5 },
        { x: 0, y: 0.5 },
      ],
      [
        { x: 0, y: -0.25 },
        { x: 0, y: 0.25 },
      ],
    );
    expect(out.half).toBe(2);
    const same = { x: 0.2, y: 0.2 };
    expect(pinchRegion(start, [same, same], [same, same])).toEqual(start);
  });
});

describe('camera', () => {
  const auto = { cx: 0, cy: 0, half: 1 };

  it('shows a pinched square within the zoom limits and tells its listeners', () => {
    const camera = createCamera();
    let calls = 0;
    camera.subscribe(() => calls++);
    camera.show(auto, { cx: 0.1, cy: 0, half: 0.5 });
    expect(camera.visible(auto)).toEqual({ cx: 0.1, cy: 0, half: 0.5 });
    expect(camera.isMoved()).toBe(true);
    // Beyond the limits (a fiftieth of the axes, fifty times them) the square is kept as it was.
    camera.show(auto, { cx: 0, cy: 0, half: 0.01 });
    camera.show(auto, { cx: 0, cy: 0, half: 60 });
    expect(camera.visible(auto).half).toBe(0.5);
    expect(calls).toBe(1);
    camera.reset();
    expect(camera.visible(auto)).toBe(auto);
  });
});
