import type { ClassSampler } from './sampling';

/** Outer circle radius of the concentric-circles dataset (class 0). */
export const OUTER_RADIUS = 1;
/** Inner circle radius (class 1), scikit-learn's make_circles with factor 0.5. */
export const INNER_RADIUS = 0.5;

/** Two concentric circles around the origin: class 0 on radius 1, class 1 on radius 0.5. */
export const sampleCircles: ClassSampler = (label, rng) => {
  const angle = 2 * Math.PI * rng.next();
  const r = label === 0 ? OUTER_RADIUS : INNER_RADIUS;
  return [r * Math.cos(angle), r * Math.sin(angle)];
};
