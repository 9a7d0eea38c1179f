/**
 * Connects the store to one training worker: the scenario it is given becomes commands (live
 * changes at once, rebuilds after a short pause in editing), and the worker's events become frames,
 * chart points and store updates (the read-out throttled to a few per second). The page has one
 * bridge per run: the scenario's own ("primary", which also drives the page's play state), and in
 * compare mode a second one.
 */
import type { PastView } from '../app/pastView';
import type { FieldRequest } from '../core/fieldGrids';
import { metric } from '../core/snapshot';
import type { MetricsHistory } from '../charts/metricsHistory';
import type { FrameSource } from '../render/frameSource';
import { needsRebuild, untrainableReason } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { TrainedState } from '../scenario/trainedState';
import type { AppState, AppStore, LiveReadout } from '../state/store';
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
  /** Do not train beyond `step` until told otherwise (Infinity lifts the hold). */
  hold(step: number): void;
  /** Test hooks: make the worker fail (see WorkerCommand "simulate"). */
  simulate(fault: 'device-loss' | 'hang' | 'crash'): void;
  /** What tfjs holds in the worker now. */
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /** Shows the view at a past training step (null: back to the live weights). */
  viewStep(step: number | null): void;
  dispose(): void;
}

export interface BridgeOptions {
  /** The scenario this run trains, from the page's state (the compared run derives its own). */
  scenarioOf(state: AppState): Scenario;
  /** The primary run drives the page's play state, backend badge and fatal errors. */
  primary: boolean;
  /** Where this run's read-out and transport measures go in the store. */
  keys: { live: 'live' | 'liveB'; transport: 'transport' | 'transportB' };
  /** Prefix of this run's messages to the user (empty for the primary run). */
  label: string;
  /** The run's training history: takes the checkpoint frames; while it views one, read-outs show it. */
  past: PastView;
}

/** The read-out in the store is refreshed at most this often while training. */
const READOUT_INTERVAL_MS = 250;
/** Edits that rebuild the run wait this long for the next edit (a slider being dragged). */
const REBUILD_DEBOUNCE_MS = 150;
/** A worker silent for this long is restarted (it sends a heartbeat every second)... */
const SILENCE_LIMIT_MS = 6000;
/** ...or for this long while a run is being prepared (WebGPU compiles its pipelines then). */
const COMPILING_SILENCE_LIMIT_MS = 60_000;

function readoutOf(
  event: Extract<WorkerEvent, { type: 'snapshot' }>,
  frames: FrameSource,
): LiveReadout | null {
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
    blocks: event.layout.blocks,
    energies: Array.from(views.blockEnergies),
  };
}

export function createTrainingBridge(
  store: AppStore,
  frames: FrameSource,
  history: MetricsHistory,
  options: BridgeOptions,
): TrainingBridge {
  const { keys, primary, past } = options;
  const say = (text: string) => (options.label ? `${options.label}: ${text}` : text);
  let readoutAt = 0;
  let readoutTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingReadout: LiveReadout | null = null;
  const exportWaiters: ((state: TrainedState) => void)[] = [];
  const memoryWaiters: ((memory: { numTensors: number; numBytes: number }) => void)[] = [];
  /** The latest checkpoint of the current run, to restart a failed worker from. */
  let checkpoint: { runId: number; state: TrainedState } | null = null;
  let lastHeardAt = performance.now();
  let compiling = true;

  const flushReadout = () => {
    readoutTimer = null;
    readoutAt = performance.now();
    if (pendingReadout) store.setState({ [keys.live]: pendingReadout });
  };

  const onSnapshot = (event: Extract<WorkerEvent, { type: 'snapshot' }>) => {
    frames.push(event.runId, event.step, event.layout, event.data);
    const readout = readoutOf(event, frames);
    if (!readout) return;
    history.append(event.step, event.layout.historyRows, frames.current()!.views);
    pendingReadout = readout;
    if (past.viewing()) return;
    const since = performance.now() - readoutAt;
    if (!store.getState().playing || since >= READOUT_INTERVAL_MS) flushReadout();
    else readoutTimer ??= setTimeout(flushReadout, READOUT_INTERVAL_MS - since);
  };

  const onState = (event: Extract<WorkerEvent, { type: 'state' }>) => {
    compiling = event.compiling;
    if (primary) {
      store.setState({ playing: event.playing, compiling: event.compiling, pauseReason: event.reason });
      if (!event.compiling && !event.playing && store.getState().autoplay && frames.current()) {
        store.setState({ autoplay: false });
        client.send({ type: 'play' });
      }
    }
    if (!event.message) return;
    if (event.reason === 'diverged')
      store.getState().notify('error', [say(event.message)], ['reset', 'lower-lr']);
    else store.getState().notify('info', [say(event.message)]);
  };

  const onEvent = (event: WorkerEvent) => {
    lastHeardAt = performance.now();
    if (past.route(event)) {
      // A checkpoint frame that arrives after the view went back to live is not shown.
      const shown = event.type === 'snapshot' ? readoutOf(event, past.frames) : null;
      if (shown) store.setState({ [keys.live]: shown });
      if (event.type === 'transport' && past.viewing()) store.setState({ [keys.transport]: event.measures });
      return;
    }
    switch (event.type) {
      case 'alive':
        return;
      case 'memory':
        memoryWaiters.splice(0).forEach((resolve) => resolve(event));
        return;
      case 'notice':
        store.getState().notify('warning', [say(event.message)]);
        return;
      case 'checkpoint':
        checkpoint = { runId: event.runId, state: event.state };
        return;
      case 'backend':
        if (primary) store.setState({ backend: event.report });
        if (primary && event.report.fallbackNotice)
          store.getState().notify('warning', [event.report.fallbackNotice]);
        return;
      case 'run':
        if (checkpoint?.runId !== event.info.runId) checkpoint = null;
        frames.setRun(event.info);
        // A run that continues a checkpoint of the same scenario keeps its charts up to that step.
        if (event.info.resumedAt > 0) history.truncateAfter(event.info.resumedAt);
        else history.clear();
        store.setState({ [keys.transport]: null });
        return;
      case 'snapshot':
        onSnapshot(event);
        return;
      case 'fields':
        frames.pushFields(event.runId, event.step, event.request, event.layout, event.data);
        return;
      case 'transport':
        frames.pushTransport(event.runId, event.measures);
        if (frames.current()?.run.runId !== event.runId) return;
        history.appendTransport(event.step, event.measures);
        if (!past.viewing()) store.setState({ [keys.transport]: event.measures });
        return;
      case 'trained':
        exportWaiters.splice(0).forEach((resolve) => resolve(event.state));
        return;
      case 'state':
        onState(event);
        return;
      case 'error':
        if (event.fatal && primary) store.setState({ fatalError: event.message, compiling: false });
        else store.getState().notify('error', [say(event.message)]);
        return;
    }
  };

  /** Shows the run as being prepared (Train and Step disabled) or not; only the scenario's own run. */
  const showPreparing = (preparing: boolean) => {
    if (primary && store.getState().compiling !== preparing) store.setState({ compiling: preparing });
  };

  /** A fresh worker on the scenario; from `restart` on, it continues from the given state. */
  const connect = (restart: TrainedState | null) => {
    const next = createTrainingClient();
    next.subscribe(onEvent);
    next.onCrash((message) => replace(`crashed (${message})`));
    const scenario = untrainableReason(sent) ? null : sent;
    next.send({ type: 'start', backend: store.getState().backendPreference, scenario, resume: restart });
    lastHeardAt = performance.now();
    compiling = true;
    // Until the new worker has its run, Train and Step are disabled rather than silently ignored.
    showPreparing(true);
    return next;
  };

  /** Replaces a worker that crashed or stopped answering, keeping the run's state and play state. */
  const replace = (what: string) => {
    client.terminate();
    const state = checkpoint?.state ?? null;
    const wasPlaying = store.getState().playing;
    client = connect(state);
    if (wasPlaying) client.send({ type: 'play' });
    store
      .getState()
      .notify('warning', [
        say(
          `The training worker ${what}; it was restarted ${state ? `from step ${state.step}, the last saved state` : 'from the start'}.`,
        ),
      ]);
  };

  const initial = store.getState();
  let sent: Scenario = options.scenarioOf(initial);
  let client = connect(null);
  const watchdog = setInterval(() => {
    const limit = compiling ? COMPILING_SILENCE_LIMIT_MS : SILENCE_LIMIT_MS;
    if (performance.now() - lastHeardAt > limit)
      replace(`stopped responding for ${Math.round(limit / 1000)} s`);
  }, 1000);

  let rebuildTimer: ReturnType<typeof setTimeout> | null = null;
  const sendLatest = () => {
    rebuildTimer = null;
    const latest = options.scenarioOf(store.getState());
    // Own data with too few points cannot be trained: the worker keeps its run until they can.
    if (untrainableReason(latest)) {
      showPreparing(compiling);
      return;
    }
    const rebuilds = needsRebuild(sent, latest);
    sent = latest;
    client.send({ type: 'configure', scenario: sent });
    // A rebuilt run says when it is ready; without a rebuild nothing is being prepared.
    if (!rebuilds) showPreparing(compiling);
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    const next = options.scenarioOf(state);
    if (rebuildTimer) clearTimeout(rebuildTimer);
    if (needsRebuild(sent, next)) {
      // From the edit on, not from the worker's answer a moment later: a click on Train or Step
      // then waits for the new run instead of landing on a button that is being disabled.
      showPreparing(true);
      rebuildTimer = setTimeout(sendLatest, REBUILD_DEBOUNCE_MS);
    } else sendLatest();
  });

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
    hold: (step) => client.send({ type: 'hold', step }),
    simulate: (fault) => client.send({ type: 'simulate', fault }),
    memory() {
      const answer = new Promise<{ numTensors: number; numBytes: number }>((resolve) =>
        memoryWaiters.push(resolve),
      );
      client.send({ type: 'probe' });
      return answer;
    },
    viewStep(step) {
      client.send({ type: 'view-step', step });
      if (step !== null) return;
      // Back to live: the read-outs show the newest live values again.
      flushReadout();
      store.setState({ [keys.transport]: frames.current()?.transport ?? null });
    },
    dispose() {
      unsubscribe();
      clearInterval(watchdog);
      if (readoutTimer) clearTimeout(readoutTimer);
      if (rebuildTimer) clearTimeout(rebuildTimer);
      client.terminate();
    },
  };
}
