import { historyValue, metric, snapshotViews } from '../../core/snapshot';
import type { HistoryField, MetricName } from '../../core/snapshot';
import type { Trainer } from '../trainer';

/** Takes a snapshot and returns its metrics and per-step history rows as plain objects. */
export async function probe(trainer: Trainer): Promise<{
  metrics: Record<MetricName, number>;
  history: Record<HistoryField, number>[];
}> {
  const { data, layout } = await trainer.snapshot();
  const views = snapshotViews(data, layout);
  const metrics = {} as Record<MetricName, number>;
  for (const name of [
    'trainLoss',
    'trainAccuracy',
    'testLoss',
    'testAccuracy',
    'kineticCost',
    'lambda',
    'weight',
  ] as const) {
    metrics[name] = metric(views, name);
  }
  const history = Array.from({ length: layout.historyRows }, (_, row) => {
    const r = {} as Record<HistoryField, number>;
    for (const field of ['crossEntropy', 'kineticCost', 'lambda', 'weight', 'loss'] as const) {
      r[field] = historyValue(views, row, field);
    }
    return r;
  });
  return { metrics, history };
}
