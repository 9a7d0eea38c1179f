/**
 * The user's own points as a dataset: the training set is the points as drawn; the test set, which
 * no drawing can provide, is drawn around them: each test point is a randomly chosen training point
 * (stream "data/test") moved by Gaussian noise of the scenario's noise level (at least 0.05).
 */
import { ownClasses } from '../points';
import { createRandomStream } from '../random';
import type { DatasetSpec, PointSet } from '../types';

/** Smallest spread of the test points around the drawn ones. */
export const OWN_TEST_SPREAD = 0.05;

export function makeOwnDataset(spec: DatasetSpec): { train: PointSet; test: PointSet } {
  const points = spec.points ?? { x: new Float32Array(0), y: new Uint8Array(0) };
  const n = points.y.length;
  if (n < 2 || new Set(points.y).size < 2) {
    throw new Error('Your own data need at least two points of two different classes to train on.');
  }
  const classes = ownClasses(points.y);
  const rng = createRandomStream(spec.seed, 'data/test');
  const spread = Math.max(spec.noise, OWN_TEST_SPREAD);
  const x = new Float32Array(2 * spec.nTest);
  const y = new Uint8Array(spec.nTest);
  for (let i = 0; i < spec.nTest; i++) {
    const j = rng.int(n);
    x[2 * i] = points.x[2 * j] + spread * rng.normal();
    x[2 * i + 1] = points.x[2 * j + 1] + spread * rng.normal();
    y[i] = points.y[j];
  }
  return { train: { x: points.x, y: points.y, classes }, test: { x, y, classes } };
}
