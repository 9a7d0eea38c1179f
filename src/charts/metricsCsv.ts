/**
 * The metrics history as CSV: one row per recorded step with the step's batch values, and the
 * evaluations of the whole training and test sets on the rows where a snapshot was taken. Long runs
 * are decimated in the history, and so in the file (every second, fourth… step).
 */
import type { DecimatingSeries } from '../core/series';
import type { MetricsHistory } from './metricsHistory';

const STEP_COLUMNS = ['crossEntropy', 'kineticCost', 'lambda', 'weight', 'loss'] as const;
const SNAPSHOT_COLUMNS = ['trainLoss', 'trainAccuracy', 'testLoss', 'testAccuracy'] as const;

function byStep(series: DecimatingSeries): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < series.length; i++) out.set(series.xs[i], series.ys[i]);
  return out;
}

export function metricsCsv(history: MetricsHistory): string {
  const steps = history.perStep.loss;
  const perStep = STEP_COLUMNS.map((c) => byStep(history.perStep[c]));
  const perSnapshot = SNAPSHOT_COLUMNS.map((c) => byStep(history.perSnapshot[c]!));
  const header = ['step', ...STEP_COLUMNS.map((c) => `batch_${c}`), ...SNAPSHOT_COLUMNS].join(',');
  const rows = [header];
  for (let i = 0; i < steps.length; i++) {
    const step = steps.xs[i];
    const cell = (m: Map<number, number>) => (m.has(step) ? String(m.get(step)) : '');
    rows.push([step, ...perStep.map(cell), ...perSnapshot.map(cell)].join(','));
  }
  return `${rows.join('\n')}\n`;
}
