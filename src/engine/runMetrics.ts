/**
 * The final metrics of a run as `npm run train` prints them, from one final snapshot: shared by the
 * CLI and the page's study workers, so that a study row and its link run alone agree.
 */
import { measureTransportSubsampled } from '../core/measures';
import { metric, snapshotViews } from '../core/snapshot';
import type { ModelConfig } from '../core/types';
import type { PackedSnapshot } from './trainer';

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
  /** W2^2(mu_k, mu_{k+1}) per block [K] on the measured points (at most h^2 E_k each). */
  blockW2sq: number[] | null;
  /** sum_k W2^2(mu_k, mu_{k+1}) / sum_k h^2 E_k on the measured points, in [0, 1]. */
  blockOtRatio: number | null;
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
  blockW2sq: null,
  blockOtRatio: null,
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
    blockW2sq: Array.from(measures.blockOptimalCosts),
    blockOtRatio: measures.blockOtRatio,
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
