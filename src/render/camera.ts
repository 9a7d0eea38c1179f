/**
 * The user's zoom and pan over the run's axes. Until the user zooms or pans, the view follows the
 * run's own region; afterwards it keeps the user's square until reset.
 */
import type { PlaneRegion } from '../core/viewport';
import { panRegion, zoomRegion } from '../core/viewport';

export interface Camera {
  /** The square to draw: the user's, or the run's own. */
  visible(auto: PlaneRegion): PlaneRegion;
  /** Zooms by `factor` (> 1 zooms in) about the plane point (ax, ay). */
  zoom(auto: PlaneRegion, factor: number, ax: number, ay: number): void;
  /** Moves the view by (dx, dy) plane units. */
  pan(auto: PlaneRegion, dx: number, dy: number): void;
  reset(): void;
  /** True while the user's square is in use. */
  isMoved(): boolean;
  /** Called when the view is moved or reset. */
  subscribe(listener: () => void): () => void;
}

/** Zoom limits relative to the run's axes. */
const MIN_HALF_SHARE = 0.02;
const MAX_HALF_SHARE = 50;

export function createCamera(): Camera {
  let user: PlaneRegion | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    visible: (auto) => user ?? auto,
    zoom(auto, factor, ax, ay) {
      const next = zoomRegion(user ?? auto, factor, ax, ay);
      if (next.half < auto.half * MIN_HALF_SHARE || next.half > auto.half * MAX_HALF_SHARE) return;
      user = next;
      notify();
    },
    pan(auto, dx, dy) {
      user = panRegion(user ?? auto, dx, dy);
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
