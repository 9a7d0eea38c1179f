import { describe, expect, it } from 'vitest';
import { HISTORY_FIELDS, METRIC_NAMES, snapshotLength, snapshotViews } from '../core/snapshot';
import { metricsCsv } from './metricsCsv';
import { MetricsHistory } from './metricsHistory';

describe('metrics CSV', () => {
  it('has one row per recorded step, with snapshot evaluations where they were taken', () => {
    const history = new MetricsHistory(64);
    const layout = { blocks: 1, trainPoints: 1, testPoints: 1, historyRows: 2 };
    const data = new Float32Array(snapshotLength(layout));
    const views = snapshotViews(data, layout);
    views.metrics.set(METRIC_NAMES.map((_, i) => i + 0.5));
    views.history.set(Array.from({ length: 2 * HISTORY_FIELDS.length }, (_, i) => i));
    history.append(2, 2, views);
    const csv = metricsCsv(history).trim().split('\n');
    expect(csv[0]).toBe(
      'step,batch_crossEntropy,batch_kineticCost,batch_lambda,batch_weight,batch_loss,trainLoss,trainAccuracy,testLoss,testAccuracy',
    );
    expect(csv[1]).toBe('1,0,1,2,3,4,,,,');
    expect(csv[2]).toBe('2,5,6,7,8,9,0.5,1.5,2.5,3.5');
  });
});
