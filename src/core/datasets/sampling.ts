import type { RandomStream } from '../random';
import { shuffleInPlace } from '../random';
import type { PointSet } from '../types';

/** Draws one clean (noise-free) point of class `label`. */
export type ClassSampler = (label: number, rng: RandomStream) => readonly [number, number];

/**
 * Builds a class-balanced point set: class c gets floor(n / classes) points, plus one for the first
 * n mod classes classes. Each point is drawn by `sample`, then Gaussian noise of standard deviation
 * `noise` is added to both coordinates, and the order is shuffled so that no class is drawn last.
 */
export function sampleBalanced(
  n: number,
  classes: number,
  noise: number,
  rng: RandomStream,
  sample: ClassSampler,
): PointSet {
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) labels[i] = i % classes;
  shuffleInPlace(labels, rng);
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [px, py] = sample(labels[i], rng);
    x[2 * i] = px + noise * rng.normal();
    x[2 * i + 1] = py + noise * rng.normal();
  }
  return { x, y: labels, classes };
}
