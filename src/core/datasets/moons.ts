import type { ClassSampler } from './sampling';

/**
 * Two interleaved half circles (scikit-learn's make_moons, centred): class 0 is the upper arc
 * (cos t, sin t), class 1 the lower arc (1 - cos t, 1/2 - sin t), t uniform in [0, pi], both shifted
 * by (-1/2, -1/4) so the cloud is centred on the origin. Spans about [-1.5, 1.5] x [-0.75, 0.75].
 */
export const sampleMoons: ClassSampler = (label, rng) => {
  const t = Math.PI * rng.next();
  return label === 0 ? [Math.cos(t) - 0.5, Math.sin(t) - 0.25] : [0.5 - Math.cos(t), 0.25 - Math.sin(t)];
};
