/**
 * Connects the store, the training worker, the frame source and the metrics history: scenario edits
 * become commands, worker events become store updates (throttled), frames and chart points.
 */
import type { FieldRequest } from '../core/fieldGrids';
import type { TrainedState } from '../scenario/trainedState';
import { metric } from '../core/snapshot';
import type { MetricsHistory } from '../charts/metricsHistory';
import type { FrameSource } from '../render/frameSource';
import { needsRebuild } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { AppStore, LiveReadout } from '../state/store';
import { createTrainingClient } from '../worker/client';
import type { WorkerEvent } from '../worker/protocol';

export interface TrainingBridge {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  /** Least-action mode: set lambda directly (the penalty weight becomes 1/lambda). */
  setMultiplier(lambda: number): void;
  /** What the transport view needs from the worker besides snapshots. */
  setView(request: FieldRequest | null, transport: boolean): void;
  /** Continues the current scenario's run from a trained state (after any pending rebuild). */
  load(state: TrainedState): void;
  /** The current weights, step and multiplier. */
  exportState(): Promise<TrainedState>;
  dispose(): void;
}

/** The read-out in the store is refreshed at most this often while training. */
const READOUT_INTERVAL_MS = 250;
/** Edits that rebuild the run wait this long for the next edit (a slider being dragged). */
const REBUILD_DEBOUNCE_MS = 150;

export function createTrainingBridge(
  store: AppStore,
  frames: FrameSource,
  history: MetricsHistory,
): TrainingBridge {
  const client = createTrainingClient();
  let readoutAt = 0;
  let readoutTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingReadout: LiveReadout | null = null;

  const flushReadout = () => {
    readoutTimer = null;
    readoutAt = performance.now();
    if (pendingReadout) store.setState({ live: pendingReadout });
  };

  const onSnapshot = (event: Extract<WorkerEvent, { type: 'snapshot' }>) => {
    frames.push(event.runId, event.step, event.layout, event.data);
    const frame = frames.current();
    if (!frame || frame.run.runId !== event.runId || frame.step !== event.step) return;
    history.append(event.step, event.layout.historyRows, frame.views);
    const views = frame.views;
    pendingReadout = {
      step: event.step,
      stepsPerSecond: event.stepsPerSecond,
      trainLoss: metric(views, 'trainLoss'),
      trainAccuracy: metric(views, 'trainAccuracy'),
      testLoss: metric(views, 'testLoss'),
      testAccuracy: metric(views, 'testAccuracy'),
      kineticCost: metric(views, 'kineticCost'),
      lambda: metric(views, 'lambda'),
      weight: metric(views, 'weight'),
      blocks: event.layout.blocks,
      energies: Array.from(views.blockEnergies),
    };
    const since = performance.now() - readoutAt;
    if (!store.getState().playing || since >= READOUT_INTERVAL_MS) flushReadout();
    else readoutTimer ??= setTimeout(flushReadout, READOUT_INTERVAL_MS - since);
  };

  client.subscribe((event) => {
    switch (event.type) {
      case 'backend':
        store.setState({ backend: event.report });
        if (event.report.fallbackNotice) store.getState().notify('warning', [event.report.fallbackNotice]);
        return;
      case 'run':
        frames.setRun(event.info);
        history.clear();
        store.setState({ transport: null });
        return;
      case 'snapshot':
        onSnapshot(event);
        return;
      case 'fields':
        frames.pushFields(event.runId, event.step, event.request, event.layout, event.data);
        return;
      case 'transport':
        frames.pushTransport(event.runId, event.measures);
        if (frames.current()?.run.runId === event.runId) history.appendTransport(event.step, event.measures);
        if (frames.current()?.run.runId === event.runId) store.setState({ transport: event.measures });
        return;
      case 'state':
        store.setState({ playing: event.playing, compiling: event.compiling, pauseReason: event.reason });
        if (!event.compiling && !event.playing && store.getState().autoplay && frames.current()) {
          store.setState({ autoplay: false });
          client.send({ type: 'play' });
        }
        if (event.message)
          store.getState().notify(event.reason === 'diverged' ? 'error' : 'info', [event.message]);
        return;
      case 'trained':
        exportWaiters.splice(0).forEach((resolve) => resolve(event.state));
        return;
      case 'error':
        if (event.fatal) store.setState({ fatalError: event.message, compiling: false });
        else store.getState().notify('error', [event.message]);
        return;
    }
  });

  const initial = store.getState();
  client.send({ type: 'start', backend: initial.backendPreference, scenario: initial.scenario });

  let sent: Scenario = initial.scenario;
  let rebuildTimer: ReturnType<typeof setTimeout> | null = null;
  const exportWaiters: ((state: TrainedState) => void)[] = [];
  const sendLatest = () => {
    rebuildTimer = null;
    sent = store.getState().scenario;
    client.send({ type: 'configure', scenario: sent });
  };
  const unsubscribe = store.subscribe((state) => {
    if (state.scenario === sent) return;
    if (rebuildTimer) clearTimeout(rebuildTimer);
    if (needsRebuild(sent, state.scenario)) rebuildTimer = setTimeout(sendLatest, REBUILD_DEBOUNCE_MS);
    else sendLatest();
  });

  // A hidden tab pauses training and resumes it when the tab is shown again.
  let pausedWhileHidden = false;
  const onVisibility = () => {
    if (document.hidden && store.getState().playing) {
      pausedWhileHidden = true;
      client.send({ type: 'pause' });
    } else if (!document.hidden && pausedWhileHidden) {
      pausedWhileHidden = false;
      client.send({ type: 'play' });
    }
  };
  document.addEventListener('visibilitychange', onVisibility);

  return {
    play: () => client.send({ type: 'play' }),
    pause: () => client.send({ type: 'pause' }),
    step: () => client.send({ type: 'step' }),
    reset: () => {
      history.clear();
      client.send({ type: 'reset' });
    },
    setMultiplier: (lambda) => client.send({ type: 'setMultiplier', lambda }),
    setView: (request, transport) => client.send({ type: 'view', request, transport }),
    load(state) {
      // The state belongs to the scenario in the store: rebuild for it first if an edit is pending.
      if (rebuildTimer) {
        clearTimeout(rebuildTimer);
        sendLatest();
      }
      history.clear();
      client.send({ type: 'load', state });
    },
    exportState() {
      const answer = new Promise<TrainedState>((resolve) => exportWaiters.push(resolve));
      client.send({ type: 'export' });
      return answer;
    },
    dispose() {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      if (readoutTimer) clearTimeout(readoutTimer);
      if (rebuildTimer) clearTimeout(rebuildTimer);
      client.terminate();
    },
  };
}
