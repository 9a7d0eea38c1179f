import type { ClassSampler } from './sampling';

/** How far each arm winds, in turns, from the centre to its tip. */
export const SPIRAL_TURNS = 1;

/**
 * Interleaved spiral arms, one per class: for u uniform in [0, 1], radius 0.1 + 1.1 u and angle
 * 2 pi (c / arms + TURNS u). With 2 arms this is the classic two-spiral problem.
 */
export function spiralSampler(arms: number): ClassSampler {
  return (label, rng) => {
    const u = rng.next();
    const r = 0.1 + 1.1 * u;
    const angle = 2 * Math.PI * (label / arms + SPIRAL_TURNS * u);
    return [r * Math.cos(angle), r * Math.sin(angle)];
  };
}
