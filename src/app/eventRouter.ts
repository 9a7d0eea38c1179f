/**
 * Where one run's worker events go: snapshots and field layers to the frame source, chart points to
 * the metrics history, read-outs (throttled to a few a second while training), measures, the backend
 * and messages to the store, and what the worker says of its state to the run-status reducer.
 */
import type { MetricsHistory } from '../charts/metricsHistory';
import { metric } from '../core/snapshot';
import type { FrameSource } from '../render/frameSource';
import type { LiveReadout, RunState } from '../state/store';
import type { WorkerEvent } from '../worker/protocol';
import type { BackendReport } from '../core/backends';
import type { NoticeAction, NoticeTone } from '../state/store';
import type { PastView } from './pastView';
import type { AppClock } from './ports';
import type { RunStatusEvent } from './runStatus';

/** The read-out in the store is refreshed at most this often while training. */
export const READOUT_INTERVAL_MS = 250;

type SnapshotEvent = Extract<WorkerEvent, { type: 'snapshot' }>;

/** What the router writes to: this run's part of the store and the page's messages. */
export interface RunOutputs {
  /** The run's live frames. */
  frames: FrameSource;
  /** The run's training history: takes the checkpoint frames; while it views one, read-outs show it. */
  past: PastView;
  history: MetricsHistory;
  patchRun(patch: Partial<RunState>): void;
  status(event: RunStatusEvent): void;
  /** Whether the run trains (read-outs are throttled only then). */
  training(): boolean;
  notify(tone: NoticeTone, text: string, actions?: readonly NoticeAction[]): void;
  /** The backend chosen (the scenario's own run only shows it). */
  backend(report: BackendReport): void;
  /** The worker cannot train at all. */
  fatal(message: string): void;
}

export interface EventRouter {
  route(event: WorkerEvent): void;
  /** Back from a past step to live: the read-outs show the newest live values again. */
  showLive(): void;
  dispose(): void;
}

function readoutOf(event: SnapshotEvent, frames: FrameSource): LiveReadout | null {
  const frame = frames.current();
  if (!frame || frame.run.runId !== event.runId || frame.step !== event.step) return null;
  const views = frame.views;
  return {
    step: event.step,
    stepsPerSecond: event.stepsPerSecond,
    engine: event.engine,
    trainLoss: metric(views, 'trainLoss'),
    trainAccuracy: metric(views, 'trainAccuracy'),
    testLoss: metric(views, 'testLoss'),
    testAccuracy: metric(views, 'testAccuracy'),
    kineticCost: metric(views, 'kineticCost'),
    lambda: metric(views, 'lambda'),
    weight: metric(views, 'weight'),
    energies: Array.from(views.blockEnergies),
  };
}

export function createEventRouter(out: RunOutputs, clock: AppClock): EventRouter {
  const { frames, history } = out;
  let readoutAt = -Infinity;
  let timer: unknown = null;
  let pending: LiveReadout | null = null;
  /** The read-out and measures of the past step in view (while one is viewed), as the store has them. */
  let viewed: RunState['past'] = null;

  const flush = () => {
    timer = null;
    readoutAt = clock.now();
    if (pending) out.patchRun({ live: pending });
  };

  const onSnapshot = (event: SnapshotEvent) => {
    frames.push(event.runId, event.step, event.layout, event.data);
    const readout = readoutOf(event, frames);
    if (!readout) return;
    history.append(event.step, event.layout.historyRows, frames.current()!.views);
    pending = readout;
    const since = clock.now() - readoutAt;
    if (!out.training() || since >= READOUT_INTERVAL_MS) {
      if (timer !== null) clock.clearTimeout(timer);
      flush();
    } else timer ??= clock.setTimeout(flush, READOUT_INTERVAL_MS - since);
  };

  const route = (event: WorkerEvent) => {
    if (out.past.route(event)) {
      // The read-outs show the past step in view; one that arrives after the view went back to live
      // is not shown.
      if (!out.past.viewing()) return;
      if (event.type === 'snapshot') {
        const live = readoutOf(event, out.past.frames);
        if (live) viewed = { live, transport: null };
      } else if (event.type === 'transport' && viewed?.live?.step === event.step) {
        viewed = { ...viewed, transport: event.measures };
      } else return;
      out.patchRun({ past: viewed });
      return;
    }
    switch (event.type) {
      case 'notice':
        out.notify('warning', event.message);
        return;
      case 'backend':
        out.backend(event.report);
        out.status({ type: 'worker-ready' });
        return;
      case 'run':
        frames.setRun(event.info);
        // A run that continues a checkpoint of the same scenario keeps its charts up to that step.
        if (event.info.resumedAt > 0) history.truncateAfter(event.info.resumedAt);
        else history.clear();
        viewed = null;
        out.patchRun({ transport: null, blocks: event.info.blocks, past: null });
        out.status({ type: 'run-announced' });
        return;
      case 'snapshot':
        onSnapshot(event);
        return;
      case 'fields':
        frames.pushFields(event.runId, event.step, event.request, event.layout, event.data);
        return;
      case 'transport':
        if (frames.current()?.run.runId !== event.runId) return;
        history.appendTransport(event.step, event.measures);
        out.patchRun({ transport: event.measures });
        return;
      case 'state':
        out.status({
          type: 'worker-state',
          playing: event.playing,
          compiling: event.compiling,
          reason: event.reason,
        });
        if (!event.message) return;
        if (event.reason === 'diverged') out.notify('error', event.message, ['reset', 'lower-lr']);
        else out.notify('info', event.message);
        return;
      case 'error':
        if (event.fatal) out.fatal(event.message);
        else out.notify('error', event.message);
        return;
      case 'alive':
      case 'checkpoint':
      case 'trained':
      case 'memory':
        // The connection keeps these to itself.
        return;
    }
  };

  return {
    route,
    showLive() {
      viewed = null;
      out.patchRun({ past: null });
    },
    dispose() {
      if (timer !== null) clock.clearTimeout(timer);
    },
  };
}
