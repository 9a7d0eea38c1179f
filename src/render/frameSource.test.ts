import { describe, expect, it } from 'vitest';
import type { SnapshotLayout } from '../core/snapshot';
import { snapshotLength } from '../core/snapshot';
import type { RunInfo } from '../worker/protocol';
import { createFrameSource } from './frameSource';

const layout: SnapshotLayout = { blocks: 2, trainPoints: 3, testPoints: 1, historyRows: 0 };
const run = (runId: number): RunInfo => ({
  runId,
  resumedAt: 0,
  blocks: 2,
  stepSize: 0.5,
  classes: 2,
  trainLabels: new Uint8Array(3),
  testLabels: new Uint8Array(1),
});
const snapshot = () => new Float32Array(snapshotLength(layout));

describe('createFrameSource', () => {
  it('releases a snapshot buffer once a newer snapshot or a new run replaced it, never the current one', () => {
    const released: ArrayBuffer[] = [];
    const frames = createFrameSource(
      () => 0,
      (buffer) => released.push(buffer),
    );
    frames.setRun(run(1));
    const [a, b] = [snapshot(), snapshot()];
    frames.push(1, 1, layout, a);
    expect(released).toEqual([]);
    frames.push(1, 2, layout, b);
    expect(released).toEqual([a.buffer]);
    frames.push(2, 3, layout, snapshot());
    expect(released).toEqual([a.buffer]);
    frames.setRun(run(2));
    expect(released).toEqual([a.buffer, b.buffer]);
  });
});
