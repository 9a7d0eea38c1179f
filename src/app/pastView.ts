/**
 * One run's view of its training history on the page. It keeps the steps the worker has kept
 * (and the steps where a setting was changed live) for the timeline, takes the worker's checkpoint
 * frames (snapshot and fields answering `view-step`) into a frame source of their own, and
 * offers renderers one frame source that shows the checkpoint's frame while a past step is viewed
 * and the live one otherwise, on the live run's axes (so that scrubbing never moves the axes).
 * The live path (charts, read-outs) keeps receiving live snapshots meanwhile.
 */
import type { FieldRequest, FieldsLayout } from '../core/fieldGrids';
import type { SnapshotLayout } from '../core/snapshot';
import type { Frame, FrameSource } from '../render/frameSource';
import { createFrameSource } from '../render/frameSource';
import type { WorkerEvent } from '../worker/protocol';

export interface PastView {
  /** What renderers draw: the viewed step's frame while viewing (once it arrived), else the live one. */
  readonly frames: FrameSource;
  /**
   * Takes the events that belong to the history (checkpoint frames, the `history` list) and returns
   * true for them; other events (the live path's) return false, though a new run is noted.
   */
  route(event: WorkerEvent): boolean;
  /** Shows checkpoint frames (true) or the live ones (false). */
  setViewing(on: boolean): void;
  viewing(): boolean;
  /** The step of the checkpoint frame shown, or null when live or before it arrived. */
  shownStep(): number | null;
  /** Steps of the kept checkpoints, ascending. */
  steps(): readonly number[];
  /** Steps where a setting was changed live, ascending. */
  changes(): readonly number[];
  /** The newest step trained (of the live frames), or 0. */
  liveStep(): number;
  /** Called when the steps, the shown step or the viewing state change. */
  subscribe(listener: () => void): () => void;
  /** Called when the run starts a new history (rebuild, reset, load): the view goes back to live. */
  onRestart(listener: () => void): () => void;
}

export function createPastView(live: FrameSource): PastView {
  const past = createFrameSource();
  let viewing = false;
  let steps: number[] = [];
  let changes: number[] = [];
  let runId = -1;
  let toggles = 0;
  const listeners = new Set<() => void>();
  const restartListeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());

  // The checkpoint frame on the live axes, rebuilt only when either changes (readers compare identity).
  let merged: Frame | null = null;
  let mergedFrom: [Frame | null, unknown] = [null, null];
  const pastFrame = (): Frame | null => {
    const frame = past.current();
    const region = live.current()?.region ?? frame?.region;
    if (mergedFrom[0] !== frame || mergedFrom[1] !== region) {
      mergedFrom = [frame, region];
      merged = frame && region ? { ...frame, region } : frame;
    }
    return merged;
  };
  const shownFrame = () => (viewing ? (pastFrame() ?? live.current()) : live.current());

  const frames: FrameSource = {
    setRun: (run) => live.setRun(run),
    push: (id, step, layout: SnapshotLayout, data) => live.push(id, step, layout, data),
    pushFields: (id, step, request: FieldRequest, layout: FieldsLayout, data) =>
      live.pushFields(id, step, request, layout, data),
    current: shownFrame,
    version: () => live.version() + past.version() + toggles,
    fieldsVersion: () => live.fieldsVersion() + past.fieldsVersion() + toggles,
  };

  const restart = () => {
    steps = [];
    changes = [];
    restartListeners.forEach((l) => l());
    changed();
  };

  return {
    frames,
    route(event) {
      switch (event.type) {
        case 'run':
          runId = event.info.runId;
          past.setRun(event.info);
          // A run that continues (moved to another backend) keeps its history; if the worker's is new
          // (a restarted worker), its first `history` event says so.
          if (event.info.resumedAt === 0) restart();
          return false;
        case 'history': {
          if (event.runId !== runId) return true;
          // A new history (reset, load, a restarted worker): the old steps are gone. A shorter list
          // of the same history is only thinned, and a step in view stays in view.
          if (event.fresh && steps.length > 0) restart();
          steps = event.steps;
          changes = event.changes;
          changed();
          return true;
        }
        case 'snapshot':
          if (!event.checkpoint) return false;
          past.push(event.runId, event.step, event.layout, event.data);
          changed();
          return true;
        case 'fields':
          if (!event.checkpoint) return false;
          past.pushFields(event.runId, event.step, event.request, event.layout, event.data);
          return true;
        case 'transport':
          // The measures go to the store (the router puts them there while a step is viewed).
          return event.checkpoint === true;
        default:
          return false;
      }
    },
    setViewing(on) {
      if (on === viewing) return;
      viewing = on;
      toggles++;
      changed();
    },
    viewing: () => viewing,
    shownStep: () => (viewing ? (past.current()?.step ?? null) : null),
    steps: () => steps,
    changes: () => changes,
    liveStep: () => live.current()?.step ?? 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRestart(listener) {
      restartListeners.add(listener);
      return () => restartListeners.delete(listener);
    },
  };
}
