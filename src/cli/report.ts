/**
 * What `npm run train` prints and dumps, computed from one final snapshot and the final weights, so
 * that anyone can recompute every number from the dump.
 */
import { metric, snapshotViews } from '../core/snapshot';
import { measureTransportSubsampled } from '../core/measures';
import type { PackedSnapshot } from '../engine/trainer';
import type { WeightArrays } from '../core/weights';
import { weightShapes } from '../core/weights';
import type { ModelConfig, PointSet } from '../core/types';
import type { Scenario } from '../scenario/schema';
import { nest } from './nest';

/** The final metrics of a run (whole training set), then its transport measures. */
export interface RunMetrics extends TransportMetrics {
  steps: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  /** C over the training set. */
  C: number;
  /** E_k per block over the training set. */
  E: number[];
  lambda: number;
  /** The penalty weight the next step would use (0, a, or 1/lambda). */
  penaltyWeight: number;
}

/**
 * The transport measures of the final flow on <= 512 training points; every one null when they were
 * not measured (a diverged run: non-finite positions have no optimal transport).
 */
export interface TransportMetrics {
  /** Number of training points the transport measures used (all, or a seeded subsample of 512). */
  measuredPoints: number | null;
  action: number | null;
  S: number | null;
  W2sq: number | null;
  otRatio: number | null;
  straightness: number | null;
  efficiency: number | null;
  monotonicityViolations: number | null;
}

const NOT_MEASURED: TransportMetrics = {
  measuredPoints: null,
  action: null,
  S: null,
  W2sq: null,
  otRatio: null,
  straightness: null,
  efficiency: null,
  monotonicityViolations: null,
};

function transportMetrics(snapshot: PackedSnapshot, model: ModelConfig, seed: number): TransportMetrics {
  const views = snapshotViews(snapshot.data, snapshot.layout);
  const measures = measureTransportSubsampled(
    {
      positions: views.trainPositions,
      blocks: model.blocks,
      points: snapshot.layout.trainPoints,
      stepSize: model.stepSize,
    },
    seed,
  );
  return {
    measuredPoints: measures.points,
    action: measures.action,
    S: measures.straightLineCost,
    W2sq: measures.optimalCost,
    otRatio: measures.otRatio,
    straightness: measures.straightness,
    efficiency: measures.efficiency,
    monotonicityViolations: measures.monotonicityViolations,
  };
}

/**
 * The metrics of a final snapshot; the transport measures only when `measureTransport` (false for a
 * diverged run).
 */
export function runMetrics(
  snapshot: PackedSnapshot,
  model: ModelConfig,
  seed: number,
  measureTransport: boolean,
): RunMetrics {
  const views = snapshotViews(snapshot.data, snapshot.layout);
  return {
    steps: snapshot.step,
    trainLoss: metric(views, 'trainLoss'),
    trainAccuracy: metric(views, 'trainAccuracy'),
    testLoss: metric(views, 'testLoss'),
    testAccuracy: metric(views, 'testAccuracy'),
    C: metric(views, 'kineticCost'),
    E: Array.from(views.blockEnergies),
    lambda: metric(views, 'lambda'),
    penaltyWeight: metric(views, 'weight'),
    ...(measureTransport ? transportMetrics(snapshot, model, seed) : NOT_MEASURED),
  };
}

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
