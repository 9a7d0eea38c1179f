/**
 * The final metrics of a run as the CLI prints them, from one final snapshot: shared by `npm run
 * train` and the study workers of the page, so that a study row and its link run alone agree.
 */
import { measureTransportSubsampled } from '../core/measures';
import { metric, snapshotViews } from '../core/snapshot';
import type { ModelConfig } from '../core/types';
import type { PackedSnapshot } from './trainer';

/** The final metrics of a run (whole training set; transport measures on <= 512 training points). */
export interface RunMetrics {
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
  /** Number of training points the transport measures used (all, or a seeded subsample of 512). */
  measuredPoints: number;
  action: number;
  S: number;
  W2sq: number;
  otRatio: number;
  straightness: number;
  efficiency: number;
  monotonicityViolations: number;
}

/** The metrics of a final snapshot; the transport measures on a seeded subsample of <= 512 points. */
export function runMetrics(snapshot: PackedSnapshot, model: ModelConfig, seed: number): RunMetrics {
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
    steps: snapshot.step,
    trainLoss: metric(views, 'trainLoss'),
    trainAccuracy: metric(views, 'trainAccuracy'),
    testLoss: metric(views, 'testLoss'),
    testAccuracy: metric(views, 'testAccuracy'),
    C: metric(views, 'kineticCost'),
    E: Array.from(views.blockEnergies),
    lambda: metric(views, 'lambda'),
    penaltyWeight: metric(views, 'weight'),
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
