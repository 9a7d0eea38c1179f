import type { ClassSampler } from './sampling';

/** Gap kept free around both axes, so that the clean classes are separable. */
const MARGIN = 0.05;

/**
 * XOR: points uniform in the square [-1, 1]^2 (minus a thin band around the axes); class 0 where
 * x * y > 0 (first and third quadrants), class 1 where x * y < 0.
 */
export const sampleXor: ClassSampler = (label, rng) => {
  const ax = rng.uniform(MARGIN, 1);
  const ay = rng.uniform(MARGIN, 1);
  const sx = rng.next() < 0.5 ? -1 : 1;
  const sy = label === 0 ? sx : -sx;
  return [sx * ax, sy * ay];
};
