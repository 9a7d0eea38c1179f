/**
 * The worker's training session: it owns the Trainer, decides how many steps to run between two
 * looks at the message queue (pacing.ts), when to read a snapshot back (at most ~30 a second), when
 * to stop (pause, step limit, divergence), keeps a checkpoint of recent weights (checkpoints.ts),
 * sends what the view asks for (viewOutputs.ts), and moves the run to another backend if the GPU
 * device is lost. It knows nothing of postMessage: the host passes events on, so the same session
 * runs in a worker and in-process in tests.
 */
import { unflattenWeights } from '../core/weights';
import type { SnapshotViews } from '../core/snapshot';
import { findNonFinite, historyValue, snapshotViews } from '../core/snapshot';
import type { BackendCandidate } from '../engine/backend';
import { activateBackend, onGpuDeviceLost, reportOf, selectBackend } from '../engine/backend';
import type { PackedSnapshot } from '../engine/trainer';
import { Trainer } from '../engine/trainer';
import type { LivePatch } from '../scenario/runConfig';
import { changedSettings, runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { TrainedState } from '../scenario/trainedState';
import { BufferPool } from './bufferPool';
import { Checkpoints, fullState } from './checkpoints';
import { Pacer, SLICE_MS, SNAPSHOT_INTERVAL_MS, StepRate, paceRate, showsEveryStep } from './pacing';
import type { PauseReason, WorkerCommand, WorkerEvent } from './protocol';
import { SpikeWatch } from './spikeWatch';
import { HistoryView, MEASURE_REST_MS } from './historyView';
import { ViewOutputs } from './viewOutputs';
import { answerQuery, isQuery } from './queries';
import { deviceLossNotice, moveNotice } from './backendNotices';
import type { BackendName, BackendReport } from '../core/backends';

/** What the session needs from its surroundings. */
export interface SessionHost {
  post(event: WorkerEvent, transfer?: Transferable[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after pending messages had a chance to be handled. */
  yieldToEvents(): Promise<void>;
  /** Resolves after about `ms` milliseconds (handling messages meanwhile). */
  wait(ms: number): Promise<void>;
  backends: readonly BackendCandidate[];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrainingSession {
  private trainer: Trainer | null = null;
  private scenario: Scenario | null = null;
  private runId = 0;
  private playing = false;
  private compiling = false;
  private looping = false;
  private queue: Promise<void> = Promise.resolve();
  private lastSnapshotAt = -Infinity;
  /** Step count of the last snapshot posted (so that a pause can post the steps not yet shown). */
  private publishedStep = -1;
  private lastSnapshotMs = 0;
  private readonly pacer = new Pacer();
  private readonly rate = new StepRate();
  private readonly spikes = new SpikeWatch();
  private readonly checkpoints: Checkpoints;
  private readonly outputs: ViewOutputs;
  /** The run's training history and the views of past steps (historyView.ts). */
  private readonly past: HistoryView;
  /** Set while the run moves to another backend after losing the GPU device. */
  private recovering = false;
  /** The backend the session trains on (as announced to the page). */
  private backend: BackendName | null = null;
  /** Set once the current run's values became non-finite (reported once, until reset or rebuild). */
  private divergedRun = false;

  /** Snapshot and field-layer buffers the page gave back (a few of each size in flight). */
  private readonly buffers = new BufferPool(6);

  constructor(private readonly host: SessionHost) {
    this.checkpoints = new Checkpoints(host);
    this.outputs = new ViewOutputs(host, this.buffers);
    this.past = new HistoryView(host, this.outputs);
  }

  /** Handles one command; commands run one at a time, in order, between training slices. */
  receive(command: WorkerCommand): Promise<void> {
    // The step to view is taken at once, so that views queued behind it are skipped as stale.
    if (command.type === 'view-step') this.past.aim(command.step);
    // What the page showed is noted at once: a training slice may be waiting for it.
    if (command.type === 'shown') {
      if (command.runId === this.runId) this.pacer.shown(command.step);
      return Promise.resolve();
    }
    if (command.type === 'recycle') {
      this.buffers.give(command.buffer);
      return Promise.resolve();
    }
    return this.exclusive(() => this.handle(command));
  }

  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => this.fail(error));
    this.queue = run;
    return run;
  }

  private async handle(command: WorkerCommand): Promise<void> {
    if (isQuery(command)) return answerQuery(command, this.trainer, this.runId, this.host);
    switch (command.type) {
      case 'start': {
        const report = await selectBackend(command.backend, this.host.backends, command.first ?? null);
        this.announceBackend(report);
        onGpuDeviceLost((reason) => void this.recoverFromDeviceLoss(reason));
        if (command.scenario) await this.build(command.scenario, command.resume ?? null);
        return;
      }
      case 'build':
        return this.build(command.scenario);
      case 'update':
        return this.update(command.patch);
      case 'play':
        this.setPlaying(true, null, null);
        return;
      case 'pause':
        this.setPlaying(false, 'user', null);
        if (this.stalePublication()) await this.publish();
        // A live change just before the pause keeps a state on the device: read it into the history.
        else if (this.trainer) await this.past.flush(this.runId, this.trainer, () => true);
        // A pause is a natural point to keep: a restarted worker continues from here.
        if (this.trainer && !this.divergedRun) await this.takeCheckpoint(this.trainer);
        return;
      case 'step':
        if (this.trainer && !this.playing) {
          this.trainer.step();
          this.past.afterStep(this.trainer);
          await this.publish();
        }
        return;
      case 'reset':
        if (this.trainer) {
          this.trainer.reset();
          this.startedAfresh();
          this.past.restart(this.runId, this.trainer);
          await this.publish();
        }
        return;
      case 'view':
        this.outputs.set(command.request, command.transport);
        if (this.trainer && this.past.viewing) await this.showPast(this.trainer);
        if (this.trainer && !this.playing) {
          if (this.outputs.measuresLag(this.trainer.stepCount)) await this.publish();
          else await this.postFields(this.trainer);
        }
        return;
      case 'load': {
        const trainer = this.trainer;
        const weights = trainer ? unflattenWeights(command.state.weights, trainer.model) : null;
        if (!trainer || !weights)
          throw new Error('The trained weights do not fit this network; they were not loaded.');
        trainer.restoreState(weights, command.state.step, command.state.lambda, command.state.optimizer);
        this.past.restart(this.runId, trainer);
        this.outputs.forgetMeasures();
        this.divergedRun = false;
        this.rate.reset();
        this.spikes.reset();
        await this.publish();
        return;
      }
      case 'hold':
        this.pacer.holdAt = command.step;
        return;
      case 'move':
        return this.moveTo(command.backend, command.reason);
      case 'view-step':
        if (this.trainer) await this.showPast(this.trainer);
        return;
      case 'setMultiplier':
        if (this.trainer && Number.isFinite(command.lambda) && command.lambda > 0) {
          this.trainer.setMultiplier(command.lambda);
          this.past.markChange(this.trainer);
          if (this.nextStepIsAFrameAway()) await this.publish();
        }
        return;
    }
  }

  /** Live fields changed: the trainer takes them for its next step. */
  private async update(patch: LivePatch): Promise<void> {
    const previous = this.scenario;
    if (!previous || !this.trainer) return;
    this.scenario = { ...previous, ...patch };
    const settings = changedSettings(previous, this.scenario);
    if (Object.keys(settings).length > 0) {
      this.trainer.updateSettings(settings);
      // What the loss does after the user's own change is not a spike to report.
      this.spikes.reset();
      this.past.markChange(this.trainer);
      if (this.nextStepIsAFrameAway()) await this.publish();
    }
  }

  /**
   * Replaces the run with a fresh one built from the scenario's seed, continuing from `resume` when
   * given (a checkpoint of the same scenario's run) and it fits the network.
   */
  private async build(
    scenario: Scenario,
    resume: TrainedState | null = null,
    sameRun = false,
  ): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    this.scenario = scenario;
    const config = runConfig(scenario);
    const trainer = new Trainer(config);
    this.trainer = trainer;
    this.runId++;
    this.startedAfresh();
    this.pacer.restart();
    const weights = resume ? unflattenWeights(resume.weights, trainer.model) : null;
    if (resume && weights) {
      trainer.restoreState(weights, resume.step, resume.lambda, resume.optimizer);
      this.checkpoints.latest = resume;
    } else if (resume) {
      this.host.post({
        type: 'notice',
        message: 'The saved weights do not fit this network: the run starts again from the seed.',
      });
    }
    if (sameRun && resume && weights) this.past.carryOver(this.runId, trainer);
    else this.past.restart(this.runId, trainer);
    this.host.post({
      type: 'run',
      info: {
        runId: this.runId,
        resumedAt: trainer.stepCount,
        blocks: config.model.blocks,
        stepSize: config.model.stepSize,
        classes: config.model.classes,
        trainLabels: trainer.data.train.y,
        testLabels: trainer.data.test.y,
      },
    });
    this.compiling = true;
    this.postState(null, null);
    await this.publish();
    this.compiling = false;
    this.postState(null, null);
  }

  /** The weights were replaced (reset, rebuild): what was known of the old ones no longer holds. */
  private startedAfresh(): void {
    this.outputs.forgetMeasures();
    this.checkpoints.latest = null;
    this.divergedRun = false;
    this.rate.reset();
    this.spikes.reset();
  }

  private setPlaying(playing: boolean, reason: PauseReason | null, message: string | null): void {
    const changed = playing !== this.playing;
    this.playing = playing && this.trainer !== null;
    if (this.playing && this.reachedStepLimit()) {
      this.playing = false;
      reason = 'step-limit';
      message = `Paused: the scenario stops after ${this.scenario?.steps} steps. Raise the limit or reset to go on.`;
    }
    this.rate.reset();
    this.pacer.restartPace();
    if (changed || reason) this.postState(reason, message);
    if (this.playing) void this.loop();
  }

  /**
   * Whether a live change would wait more than a frame to be seen (paused, or a slow pace between two
   * steps): then the session publishes at once, so the read-outs show the new settings.
   */
  private nextStepIsAFrameAway(): boolean {
    if (!this.playing) return true;
    return this.pacer.waitBefore(this.host.now(), this.trainer?.stepCount ?? 0) > SNAPSHOT_INTERVAL_MS;
  }

  private postState(reason: PauseReason | null, message: string | null): void {
    this.host.post({ type: 'state', playing: this.playing, compiling: this.compiling, reason, message });
  }

  private reachedStepLimit(): boolean {
    const limit = this.scenario?.steps ?? 0;
    return limit > 0 && (this.trainer?.stepCount ?? 0) >= limit;
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (this.playing) {
        await this.exclusive(() => this.slice());
        const wait = this.pacer.waitBefore(this.host.now(), this.trainer?.stepCount ?? 0);
        await (wait > 0 ? this.host.wait(wait) : this.host.yieldToEvents());
      }
    } finally {
      this.looping = false;
    }
  }

  /** Runs steps for about SLICE_MS (or until the step limit), then snapshots if one is due. */
  private async slice(): Promise<void> {
    const trainer = this.trainer;
    if (!this.playing || !trainer) return;
    const start = this.host.now();
    const rate = paceRate(this.scenario?.pace ?? 'max', trainer.stepCount);
    const budget = this.pacer.budget(start, trainer.stepCount, rate);
    let steps = 0;
    while (steps < budget && !this.reachedStepLimit()) {
      trainer.step();
      this.past.afterStep(trainer);
      steps++;
      if (this.host.now() - start >= SLICE_MS) break;
    }
    const stepMs = this.host.now() - start;
    const limitReached = this.reachedStepLimit();
    // Paused first, so that the last snapshot is a paused one: measured in full and kept.
    if (limitReached && this.playing) {
      this.setPlaying(false, 'step-limit', `Paused after ${trainer.stepCount} steps, as the scenario asks.`);
    }
    // A pace slower than the frame rate shows every step, the first one after play included.
    const everyStepShown = steps > 0 && showsEveryStep(rate);
    // A slice that waited (a hold, the page) posts nothing new.
    const snapshotDue =
      everyStepShown ||
      (this.stalePublication() &&
        this.host.now() - this.lastSnapshotAt >= Math.max(SNAPSHOT_INTERVAL_MS, 3 * this.lastSnapshotMs));
    if ((limitReached && this.stalePublication()) || snapshotDue) await this.publish();
    this.pacer.afterSlice(steps, budget, stepMs, this.host.now() - start);
  }

  /**
   * Whether the page lacks something about the current weights that a paused run shows: their
   * snapshot, or their transport measures (taken at most once a second while training).
   */
  private stalePublication(): boolean {
    const trainer = this.trainer;
    if (!trainer) return false;
    return trainer.stepCount !== this.publishedStep || this.outputs.measuresLag(trainer.stepCount);
  }

  /** Reads a snapshot back, posts it, and pauses with a message if training diverged. */
  private async publish(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    const started = this.host.now();
    await this.past.flush(this.runId, trainer, () => trainer === this.trainer);
    const snapshot: PackedSnapshot = await trainer.snapshot();
    if (trainer !== this.trainer) return;
    const now = this.host.now();
    this.lastSnapshotAt = now;
    this.publishedStep = snapshot.step;
    this.pacer.posted(snapshot.step, now);
    this.lastSnapshotMs = now - started;
    const views = snapshotViews(snapshot.data, snapshot.layout);
    const problem = findNonFinite(views);
    if (!problem)
      this.outputs.measure(this.runId, trainer, views, snapshot.layout, snapshot.step, this.playing);
    // Into a buffer the page gave back: the page's heap takes in no new one per snapshot.
    const data = this.buffers.copyOf(snapshot.data);
    this.host.post(
      {
        type: 'snapshot',
        runId: this.runId,
        step: snapshot.step,
        layout: snapshot.layout,
        data,
        stepsPerSecond: this.playing ? this.rate.measure(now, snapshot.step) : 0,
        engine: trainer.engine,
      },
      [data.buffer],
    );
    if (!problem) this.watchForSpikes(views, snapshot.step, snapshot.layout.historyRows);
    if (!problem && this.outputs.fieldsDue(this.playing)) await this.postFields(trainer);
    if (!problem && this.checkpoints.due(this.playing)) await this.takeCheckpoint(trainer);
    if (problem && !this.divergedRun) {
      this.divergedRun = true;
      this.setPlaying(
        false,
        'diverged',
        `Training diverged by step ${snapshot.step}: a value became infinite or not a number (${problem}). ` +
          'Reset, and lower the learning rate or the penalty weight.',
      );
    }
  }

  /** Posts a notice when the steps of this snapshot's history start or end a loss spike. */
  private watchForSpikes(views: SnapshotViews, step: number, rows: number): void {
    for (let row = 0; row < rows; row++) {
      const loss = historyValue(views, row, 'crossEntropy');
      const notice = this.spikes.observe(step - rows + row + 1, loss, historyValue(views, row, 'lambda'));
      if (notice) this.host.post({ type: 'notice', message: notice });
    }
  }

  /** The view at the step asked for; its transport measures once the timeline rests (historyView.ts). */
  private async showPast(trainer: Trainer): Promise<void> {
    const isCurrent = () => trainer === this.trainer;
    if (!(await this.past.show(this.runId, trainer, isCurrent))) return;
    void this.host
      .wait(MEASURE_REST_MS)
      .then(() => this.exclusive(() => this.past.measure(this.runId, trainer, isCurrent)));
  }

  private postFields(trainer: Trainer): Promise<void> {
    return this.outputs.postFields(this.runId, trainer, () => trainer === this.trainer);
  }

  private takeCheckpoint(trainer: Trainer): Promise<void> {
    return this.checkpoints.take(this.runId, trainer, () => trainer === this.trainer);
  }

  /**
   * The GPU device was lost (driver crash, reset, or the test hook): move the run to the next backend
   * that works and continue from the last checkpoint, keeping play or pause as it was.
   */
  private recoverFromDeviceLoss(reason: string): Promise<void> {
    this.recovering = true;
    return this.exclusive(async () => {
      const wasPlaying = this.playing;
      this.playing = false;
      const scenario = this.scenario;
      const checkpoint = this.checkpoints.latest;
      this.trainer = null;
      const lost = this.host.backends.find((b) => b.name === 'webgpu');
      const report = await selectBackend(
        'auto',
        this.host.backends.filter((b) => b !== lost),
      );
      this.announceBackend(report);
      this.recovering = false;
      if (!scenario) return;
      await this.build(scenario, checkpoint);
      const message = deviceLossNotice(reason, report.name, checkpoint?.step ?? null);
      this.host.post({ type: 'notice', message });
      if (wasPlaying) this.setPlaying(true, null, null);
    });
  }

  /**
   * Moves the run to another backend (the page measured it faster), continuing exactly from its
   * state now: same weights, optimiser state, lambda and step. If that backend cannot be started, the
   * run goes on where it was, with a notice.
   */
  private async moveTo(name: BackendName, why: string): Promise<void> {
    const trainer = this.trainer;
    const scenario = this.scenario;
    const target = this.host.backends.find((b) => b.name === name);
    const current = this.host.backends.find((b) => b.name === this.backend);
    if (!trainer || !scenario || !target || !current || target === current) return;
    const wasPlaying = this.playing;
    this.playing = false;
    const state = await fullState(trainer);
    trainer.dispose();
    this.trainer = null;
    const problem = await activateBackend(target, true);
    const now = problem === null ? target : current;
    if (problem !== null) await activateBackend(current, true);
    this.announceBackend(reportOf(now));
    onGpuDeviceLost((reason) => void this.recoverFromDeviceLoss(reason));
    // The run goes on exactly: its training history too, and a past step in view stays in view.
    await this.build(scenario, state, true);
    if (this.trainer && this.past.viewing) await this.showPast(this.trainer);
    const message = moveNotice(name, current.name, why, state.step, problem);
    this.host.post({ type: 'notice', message });
    if (wasPlaying) this.setPlaying(true, null, null);
  }

  /** The run trains on this backend from now on; the page is told. */
  private announceBackend(report: BackendReport): void {
    this.backend = report.name;
    this.host.post({ type: 'backend', report });
  }

  private fail(error: unknown): void {
    // Errors from a backend that lost its device are expected until the run has moved.
    if (this.recovering) return;
    const fatal = this.trainer === null;
    if (this.playing) this.setPlaying(false, 'error', null);
    this.host.post({ type: 'error', message: messageOf(error), fatal });
  }
}
