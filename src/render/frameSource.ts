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
import type { FollowedRegion, PlaneRegion } from '../core/viewport';
import { fitRegion, followData } from '../core/viewport';
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
  /**
   * The run's axes: fitted to the input cloud, grown at once when the flow leaves them, eased back in
   * when the data have shrunk well inside them (core/viewport.ts followData).
   */
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

/**
 * @param clock milliseconds, for the easing of the axes (snapshots move it on)
 * @param release hears the buffer of a snapshot or of field layers once newer ones (or a new run)
 *   replaced it: nothing
 *   reads it afterwards, so it may be transferred away (back to the worker, for its next snapshot).
 *   Renderers read the current frame on each frame and keep no older one.
 */
export function createFrameSource(
  clock: () => number = () => performance.now(),
  release: (buffer: ArrayBuffer) => void = () => undefined,
): FrameSource {
  let run: RunInfo | null = null;
  /** The buffers of the current frame's snapshot and field layers. */
  let held: ArrayBuffer | null = null;
  let heldFields: ArrayBuffer | null = null;
  const hold = (buffer: ArrayBuffer | null) => {
    if (held && held !== buffer) release(held);
    held = buffer;
  };
  const holdFields = (buffer: ArrayBuffer | null) => {
    if (heldFields && heldFields !== buffer) release(heldFields);
    heldFields = buffer;
  };
  let axes: FollowedRegion | null = null;
  /** The square fitted to the run's inputs: the axes never close in further. */
  let home: PlaneRegion = { cx: 0, cy: 0, half: 1.5 };
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
      axes = null;
      frame = null;
      hold(null);
      fields = null;
      version++;
      fieldsVersion++;
    },
    push(runId, step, layout, data) {
      if (!run || run.runId !== runId) return;
      const views = snapshotViews(data, layout);
      if (!axes) {
        // x_0 of the training and test points: the first layer of each block of positions.
        const layer0 = (positions: Float32Array, points: number) => positions.subarray(0, points * 2);
        home = fitRegion(
          layer0(views.trainPositions, layout.trainPoints),
          layer0(views.testPositions, layout.testPoints),
        );
        axes = { region: home, ease: null };
      }
      // The axes stay still while the training points stay in them; they follow the points otherwise.
      axes = followData(axes, views.trainPositions, clock(), home);
      frame = { run, step, layout, views, region: axes.region, fields };
      hold(data.buffer as ArrayBuffer);
      version++;
    },
    pushFields(runId, step, request, layout, data) {
      if (!run || run.runId !== runId) return;
      fields = { step, request, layout, views: fieldsViews(data, layout) };
      holdFields(data.buffer as ArrayBuffer);
      fieldsVersion++;
      refresh();
    },
    current: () => frame,
    version: () => version,
    fieldsVersion: () => fieldsVersion,
  };
}
