import { describe, expect, it } from 'vitest';
import { HISTORY_FIELDS, snapshotLength, snapshotViews } from '../core/snapshot';
import { MetricsHistory } from './metricsHistory';

/** A snapshot after `step` steps holding `rows` history rows, every value equal to `value`. */
function snapshotAt(rows: number, value: number) {
  const layout = { blocks: 1, trainPoints: 1, testPoints: 1, historyRows: rows };
  const data = new Float32Array(snapshotLength(layout)).fill(value);
  return snapshotViews(data, layout);
}

const xsOf = (s: { xs: Float64Array; length: number }) => Array.from(s.xs.subarray(0, s.length));

describe('metrics history', () => {
  it('continues from a checkpoint: points after its step are dropped, the ones before kept', () => {
    const history = new MetricsHistory(64);
    history.append(3, 3, snapshotAt(3, 1));
    history.append(5, 2, snapshotAt(2, 2));
    history.appendTransport(5, { optimalCost: 1, straightLineCost: 1, action: 1 });
    expect(HISTORY_FIELDS.every((f) => history.perStep[f].length === 5)).toBe(true);

    history.truncateAfter(3);
    expect(xsOf(history.perStep.loss)).toEqual([1, 2, 3]);
    expect(xsOf(history.perSnapshot.trainLoss!)).toEqual([3]);
    expect(history.perTransport.action.length).toBe(0);

    // The restarted run publishes the checkpoint's step (no rows), then the steps after it.
    history.append(3, 0, snapshotAt(0, 9));
    history.append(6, 3, snapshotAt(3, 4));
    expect(xsOf(history.perStep.loss)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(history.perStep.loss.ys.subarray(0, 6))).toEqual([1, 1, 1, 4, 4, 4]);
    expect(xsOf(history.perSnapshot.trainLoss!)).toEqual([3, 6]);
  });
});
