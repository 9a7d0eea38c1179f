/**
 * The latest snapshot, ready for drawing. The worker's events land here; renderers read it on each
 * frame. A newer snapshot simply replaces an older one that was not drawn yet.
 */
import type { SnapshotLayout, SnapshotViews } from '../core/snapshot';
import { snapshotViews } from '../core/snapshot';
import type { PlaneRegion } from '../core/viewport';
import { fitRegion, growRegion } from '../core/viewport';
import type { RunInfo } from '../worker/protocol';

/** A snapshot of the current run with the facts needed to draw it. */
export interface Frame {
  run: RunInfo;
  step: number;
  layout: SnapshotLayout;
  views: SnapshotViews;
  /** The run's axes: fitted to the input cloud, grown (never shrunk) when the flow leaves them. */
  region: PlaneRegion;
}

export interface FrameSource {
  setRun(run: RunInfo): void;
  /** Accepts a snapshot of the current run (snapshots of older runs are ignored). */
  push(runId: number, step: number, layout: SnapshotLayout, data: Float32Array): void;
  current(): Frame | null;
  /** Increases whenever current() changes; renderers compare it to skip redundant draws. */
  version(): number;
}

export function createFrameSource(): FrameSource {
  let run: RunInfo | null = null;
  let region: PlaneRegion | null = null;
  let frame: Frame | null = null;
  let version = 0;
  return {
    setRun(next) {
      run = next;
      region = null;
      frame = null;
      version++;
    },
    push(runId, step, layout, data) {
      if (!run || run.runId !== runId) return;
      const views = snapshotViews(data, layout);
      if (!region) {
        // x_0 of the training and test points: the first layer of each block of positions.
        const layer0 = (positions: Float32Array, points: number) => positions.subarray(0, points * 2);
        region = fitRegion(
          layer0(views.trainPositions, layout.trainPoints),
          layer0(views.testPositions, layout.testPoints),
        );
      }
      // The axes stay fixed unless the flow carries training points off screen; then they zoom out.
      region = growRegion(region, views.trainPositions);
      frame = { run, step, layout, views, region };
      version++;
    },
    current: () => frame,
    version: () => version,
  };
}
