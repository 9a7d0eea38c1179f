/** Flows for the tests of the measures: written out by hand, or seeded and wandering. */
import type { Flow } from '../flow';
import { createRandomStream } from '../random';

/** A flow from per-depth lists of points: depths[k][i] = [x, y] of particle i at depth k. */
export function flowOf(depths: number[][][], stepSize: number): Flow {
  const points = depths[0].length;
  const positions = new Float32Array(depths.length * points * 2);
  depths.forEach((layer, k) => layer.forEach(([x, y], i) => positions.set([x, y], (k * points + i) * 2)));
  return { positions, blocks: depths.length - 1, points, stepSize };
}

/** A seeded flow whose particles drift (y with x, so paths shear) with Gaussian noise per block. */
export function randomFlow(seed: number, blocks: number, points: number, stepSize: number): Flow {
  const rng = createRandomStream(seed, 'flow');
  const depths: number[][][] = [];
  let layer = Array.from({ length: points }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1)]);
  depths.push(layer);
  for (let k = 0; k < blocks; k++) {
    layer = layer.map(([x, y]) => [
      x + stepSize * rng.normal() * 0.5,
      y + stepSize * (rng.normal() * 0.5 + x),
    ]);
    depths.push(layer);
  }
  return flowOf(depths, stepSize);
}
