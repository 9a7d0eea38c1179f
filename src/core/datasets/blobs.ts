import type { ClassSampler } from './sampling';

/** Distance of each blob centre from the origin. */
export const BLOB_RADIUS = 0.8;
/** Standard deviation of a blob before the dataset noise is added. */
export const BLOB_SPREAD = 0.15;

/**
 * Gaussian blobs, one per class, centred on a circle of radius 0.8 at angles pi/4 + 2 pi c / classes,
 * each with standard deviation 0.15 (the dataset noise adds to it).
 */
export function blobsSampler(classes: number): ClassSampler {
  return (label, rng) => {
    const angle = Math.PI / 4 + (2 * Math.PI * label) / classes;
    return [
      BLOB_RADIUS * Math.cos(angle) + BLOB_SPREAD * rng.normal(),
      BLOB_RADIUS * Math.sin(angle) + BLOB_SPREAD * rng.normal(),
    ];
  };
}
