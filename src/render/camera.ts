/**
 * The user's zoom and pan over the run's axes. Until the user zooms, pans or pinches, the view follows
 * the run's own region; afterwards it keeps the user's square until reset.
 */
import type { PlaneRegion } from '../core/viewport';
import { panRegion, zoomRegion } from '../core/viewport';

/** A point of the plane, in data units. */
export interface PlanePoint {
  x: number;
  y: number;
}

export interface Camera {
  /** The square to draw: the user's, or the run's own. */
  visible(auto: PlaneRegion): PlaneRegion;
  /** Zooms by `factor` (> 1 zooms in) about the plane point (ax, ay). */
  zoom(auto: PlaneRegion, factor: number, ax: number, ay: number): void;
  /** Moves the view by (dx, dy) plane units. */
  pan(auto: PlaneRegion, dx: number, dy: number): void;
  /** Shows `region` (a pinch's result), unless it zooms beyond the limits. */
  show(auto: PlaneRegion, region: PlaneRegion): void;
  reset(): void;
  /** True while the user's square is in use. */
  isMoved(): boolean;
  /** Called when the view is moved or reset. */
  subscribe(listener: () => void): () => void;
}

/** Zoom limits relative to the run's axes. */
const MIN_HALF_SHARE = 0.02;
const MAX_HALF_SHARE = 50;

/**
 * The square after a two-finger gesture. `grabbed` are the plane points under the two fingers when
 * the gesture began (in `start`); `now` are where the fingers are, mapped to the plane with the same
 * start map. The result keeps each grabbed point under its finger as well as a square without
 * rotation can: the fingers' midpoint holds the midpoint of the grabbed points and the zoom is the
 * ratio of the fingers' spans (fingers moving apart zoom in). Fingers at one spot leave the zoom as
 * it was and only pan.
 */
export function pinchRegion(
  start: PlaneRegion,
  grabbed: readonly [PlanePoint, PlanePoint],
  now: readonly [PlanePoint, PlanePoint],
): PlaneRegion {
  const [a, b] = grabbed;
  const [c, d] = now;
  const spanNow = Math.hypot(d.x - c.x, d.y - c.y);
  const spanGrabbed = Math.hypot(b.x - a.x, b.y - a.y);
  // The similarity that takes where the fingers are to what they hold, applied to the start square.
  const s = spanNow > 1e-12 && spanGrabbed > 1e-12 ? spanGrabbed / spanNow : 1;
  const grabbedMid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const nowMid = { x: (c.x + d.x) / 2, y: (c.y + d.y) / 2 };
  return {
    cx: grabbedMid.x + s * (start.cx - nowMid.x),
    cy: grabbedMid.y + s * (start.cy - nowMid.y),
    half: s * start.half,
  };
}

export function createCamera(): Camera {
  let user: PlaneRegion | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const withinLimits = (auto: PlaneRegion, region: PlaneRegion) =>
    region.half >= auto.half * MIN_HALF_SHARE && region.half <= auto.half * MAX_HALF_SHARE;
  return {
    visible: (auto) => user ?? auto,
    zoom(auto, factor, ax, ay) {
      const next = zoomRegion(user ?? auto, factor, ax, ay);
      if (!withinLimits(auto, next)) return;
      user = next;
      notify();
    },
    pan(auto, dx, dy) {
      user = panRegion(user ?? auto, dx, dy);
      notify();
    },
    show(auto, region) {
      if (!withinLimits(auto, region)) return;
      user = region;
      notify();
    },
    reset() {
      if (!user) return;
      user = null;
      notify();
    },
    isMoved: () => user !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
