/**
 * One training run on the page: its worker connection, the commands its scenario's edits become, the
 * events' routes, its status, its frames and its metrics history. The scenario's own run ("a") also
 * shows the backend and fatal errors; in compare mode a second run ("b") trains the scenario with
 * the compared settings.
 */
import { MetricsHistory } from '../charts/metricsHistory';
import type { BackendName } from '../core/backends';
import type { FieldRequest } from '../core/fieldGrids';
import type { FrameSource } from '../render/frameSource';
import { createFrameSource } from '../render/frameSource';
import type { Scenario } from '../scenario/schema';
import type { TrainedState } from '../scenario/trainedState';
import type { AppState, AppStore, RunId, RunState } from '../state/store';
import { createCommandSender } from './commandSender';
import { createEventRouter } from './eventRouter';
import type { PastView } from './pastView';
import { createPastView } from './pastView';
import type { AppClock, CreateWorker } from './ports';
import type { RunStatusEvent } from './runStatus';
import { INITIAL_RUN_STATUS, isTraining, reduceRunStatus, runStatusOf } from './runStatus';
import type { WorkerMemory } from './workerConnection';
import { createWorkerConnection } from './workerConnection';

/** What the page can ask of a run. */
export interface RunControl {
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
  /** The current weights, step and multiplier; rejects if the worker is replaced meanwhile. */
  exportState(): Promise<TrainedState>;
  /** Do not train beyond `step` until told otherwise (Infinity lifts the hold). */
  hold(step: number): void;
  /** Moves the run to another backend, continuing exactly (see WorkerCommand "move"). */
  moveTo(backend: BackendName, reason: string): void;
  /** Test hooks: make the worker fail (see WorkerCommand "simulate"). */
  simulate(fault: 'device-loss' | 'hang' | 'crash'): void;
  /** What tfjs holds in the worker now; rejects if the worker is replaced meanwhile. */
  memory(): Promise<WorkerMemory>;
  /** Shows the view at a past training step (null: back to the live weights). */
  viewStep(step: number | null): void;
  /**
   * Called in every animation frame (true) and when the page is hidden (false): tells the worker,
   * once per change, the live step the page has a frame for, or that it draws none (WorkerCommand
   * "shown").
   */
  frameShown(drawing: boolean): void;
}

export interface RunChannel {
  id: RunId;
  control: RunControl;
  /** What the run's views draw: its live frames, or a past step's while one is viewed. */
  frames: FrameSource;
  history: MetricsHistory;
  /** The run's training history on the page (pastView.ts). */
  past: PastView;
  /** Sends an edit that waits for a pause in editing now (before a command for the new run). */
  flush(): void;
  dispose(): void;
}

export interface RunOptions {
  id: RunId;
  store: AppStore;
  clock: AppClock;
  createWorker: CreateWorker;
  /** The scenario this run trains, from the page's state (the compared run derives its own). */
  scenarioOf(state: AppState): Scenario;
  /** Prefix of this run's messages to the user (empty for the scenario's own run). */
  label: string;
  /** With "auto": the backend a fresh worker tries first (measured fastest here before), or null. */
  firstBackend?(scenario: Scenario | null): BackendName | null;
}

export function createRun(options: RunOptions): RunChannel {
  const { id, store, clock } = options;
  // A replaced snapshot's buffer goes back to the worker, which writes a later snapshot into it.
  const frames = createFrameSource(undefined, (buffer) => connection.send({ type: 'recycle', buffer }));
  const past = createPastView(frames);
  const history = new MetricsHistory();
  const primary = id === 'a';
  const say = (text: string) => (options.label ? `${options.label}: ${text}` : text);
  const patchRun = (patch: Partial<RunState>) => store.getState().patchRun(id, patch);

  let machine = INITIAL_RUN_STATUS;
  const status = (event: RunStatusEvent) => {
    machine = reduceRunStatus(machine, event);
    const next = runStatusOf(machine);
    const shown = store.getState().runs[id]?.status;
    if (!shown || shown.phase !== next.phase || shown.reason !== next.reason) patchRun({ status: next });
  };
  const training = () => isTraining(runStatusOf(machine));

  const router = createEventRouter(
    {
      frames,
      past,
      history,
      patchRun,
      status,
      training,
      notify: (tone, text, actions) => store.getState().notify(tone, [say(text)], actions),
      backend(report) {
        if (!primary) return;
        store.setState({ backend: report });
        if (report.fallbackNotice) store.getState().notify('warning', [report.fallbackNotice]);
      },
      fatal(message) {
        if (primary) store.setState({ fatalError: message });
        else store.getState().notify('error', [say(message)]);
      },
    },
    clock,
  );

  const sender = createCommandSender(
    options.scenarioOf(store.getState()),
    (command) => connection.send(command),
    status,
    clock,
  );

  const connection = createWorkerConnection({
    createWorker: options.createWorker,
    clock,
    onEvent: router.route,
    startCommand: (resume) => ({
      type: 'start',
      backend: store.getState().backendPreference,
      scenario: sender.sent(),
      resume,
      first: options.firstBackend?.(sender.sent()) ?? null,
    }),
    onStarted(failure, resume) {
      const wasTraining = training();
      status({ type: 'worker-started', building: sender.sent() !== null, restart: failure !== null });
      if (!failure) return;
      if (wasTraining) connection.send({ type: 'play' });
      store
        .getState()
        .notify('warning', [
          say(
            `The training worker ${failure}; it was restarted ${resume ? `from step ${resume.step}, the last saved state` : 'from the start'}.`,
          ),
        ]);
    },
  });

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) sender.edited(options.scenarioOf(state));
  });

  let shown: { runId: number; step: number | null } | null = null;
  const control: RunControl = {
    play: () => connection.send({ type: 'play' }),
    pause: () => connection.send({ type: 'pause' }),
    step: () => connection.send({ type: 'step' }),
    reset() {
      history.clear();
      connection.send({ type: 'reset' });
    },
    setMultiplier: (lambda) => connection.send({ type: 'setMultiplier', lambda }),
    setView: (request, transport) => connection.send({ type: 'view', request, transport }),
    load(state) {
      // The state belongs to the scenario in the store: rebuild for it first if an edit is pending.
      sender.flush();
      history.clear();
      connection.send({ type: 'load', state });
    },
    exportState: () => connection.exportState(),
    hold: (step) => connection.send({ type: 'hold', step }),
    moveTo: (backend, reason) => connection.send({ type: 'move', backend, reason }),
    simulate: (fault) => connection.send({ type: 'simulate', fault }),
    memory: () => connection.memory(),
    viewStep(step) {
      connection.send({ type: 'view-step', step });
      if (step === null) router.showLive();
    },
    frameShown(drawing) {
      const frame = frames.current();
      if (!frame) return;
      // Called every frame: compare before building anything, so an unchanged frame allocates nothing.
      const step = drawing ? frame.step : null;
      if (shown?.runId === frame.run.runId && shown.step === step) return;
      shown = { runId: frame.run.runId, step };
      connection.send({ type: 'shown', ...shown });
    },
  };

  return {
    id,
    control,
    frames: past.frames,
    history,
    past,
    flush: () => sender.flush(),
    dispose() {
      unsubscribe();
      router.dispose();
      sender.dispose();
      connection.dispose();
    },
  };
}
