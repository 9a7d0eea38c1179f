/**
 * What `npm run train` prints and dumps, computed from one final snapshot and the final weights, so
 * that anyone can recompute every number from the dump.
 */
import { snapshotViews } from '../core/snapshot';
import type { RunMetrics } from '../engine/runMetrics';
import type { PackedSnapshot } from '../engine/trainer';
import type { WeightArrays } from '../core/weights';
import { weightShapes } from '../core/weights';
import type { ModelConfig, PointSet } from '../core/types';
import type { Scenario } from '../scenario/schema';
import { nest } from './nest';

export type { RunMetrics, TransportMetrics } from '../engine/runMetrics';
export { runMetrics } from '../engine/runMetrics';

function pointsJson(points: PointSet) {
  return { x: nest(points.x, [points.y.length, 2]), y: Array.from(points.y) };
}

/** The --dump file: everything needed to recompute the run's numbers elsewhere. */
export function dumpJson(input: {
  scenario: Scenario;
  link: string;
  model: ModelConfig;
  weights: WeightArrays;
  data: { train: PointSet; test: PointSet };
  snapshot: PackedSnapshot;
  metrics: RunMetrics;
}) {
  const { model, weights, snapshot } = input;
  const shapes = weightShapes(model);
  const views = snapshotViews(snapshot.data, snapshot.layout);
  return {
    scenario: input.scenario,
    link: input.link,
    activation: model.activation,
    h: model.stepSize,
    weights: {
      W1: nest(weights.W1, shapes.W1),
      b1: nest(weights.b1, shapes.b1),
      W2: nest(weights.W2, shapes.W2),
      b2: nest(weights.b2, shapes.b2),
      headW: nest(weights.headW, shapes.headW),
      headb: Array.from(weights.headb),
    },
    train: pointsJson(input.data.train),
    test: pointsJson(input.data.test),
    trajectories: nest(views.trainPositions, [model.blocks + 1, snapshot.layout.trainPoints, 2]),
    metrics: input.metrics,
  };
}
