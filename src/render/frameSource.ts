/**
 * The latest state of the run, ready for drawing: the newest snapshot and the newest field layers.
 * Worker events land here; renderers read it on each frame. A newer item simply replaces an older
 * one that was not drawn yet. (The transport measures, which change about once a second, are in the
 * store.)
 */
import type { FieldRequest, FieldsLayout, FieldsViews } from '../core/fieldGrids';
import { fieldsViews } from '../core/fieldGrids';
import type { SnapshotLayout, SnapshotViews } from '../core/snapshot';
import { snapshotViews } from '../core/snapshot';
import type { PlaneRegion } from '../core/viewport';
import { fitRegion, growRegion } from '../core/viewport';
import type { RunInfo } from '../worker/protocol';

/** Field layers computed for one request. */
export interface FieldsFrame {
  step: number;
  request: FieldRequest;
  layout: FieldsLayout;
  views: FieldsViews;
}

/** A snapshot of the current run with everything needed to draw it. */
export interface Frame {
  run: RunInfo;
  step: number;
  layout: SnapshotLayout;
  views: SnapshotViews;
  /** The run's axes: fitted to the input cloud, grown (never shrunk) when the flow leaves them. */
  region: PlaneRegion;
  fields: FieldsFrame | null;
}

export interface FrameSource {
  setRun(run: RunInfo): void;
  /** Accepts a snapshot of the current run (items of older runs are ignored). */
  push(runId: number, step: number, layout: SnapshotLayout, data: Float32Array): void;
  pushFields(
    runId: number,
    step: number,
    request: FieldRequest,
    layout: FieldsLayout,
    data: Float32Array,
  ): void;
  current(): Frame | null;
  /** Increases whenever current() changes; renderers compare it to skip redundant draws. */
  version(): number;
  /** Increases only when the field layers change (renderers rebuild their images then). */
  fieldsVersion(): number;
}

export function createFrameSource(): FrameSource {
  let run: RunInfo | null = null;
  let region: PlaneRegion | null = null;
  let frame: Frame | null = null;
  let fields: FieldsFrame | null = null;
  let version = 0;
  let fieldsVersion = 0;
  const refresh = () => {
    if (frame) frame = { ...frame, fields };
    version++;
  };
  return {
    setRun(next) {
      run = next;
      region = null;
      frame = null;
      fields = null;
      version++;
      fieldsVersion++;
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
      frame = { run, step, layout, views, region, fields };
      version++;
    },
    pushFields(runId, step, request, layout, data) {
      if (!run || run.runId !== runId) return;
      fields = { step, request, layout, views: fieldsViews(data, layout) };
      fieldsVersion++;
      refresh();
    },
    current: () => frame,
    version: () => version,
    fieldsVersion: () => fieldsVersion,
  };
}
