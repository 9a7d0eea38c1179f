/**
 * The worker's training session: it owns the Trainer, decides how many steps to run between two
 * looks at the message queue, when to read a snapshot back (at most ~30 a second), and when to stop
 * (pause, step limit, divergence). It knows nothing of postMessage: the host passes events on, so
 * the same session runs in a worker and in-process in tests.
 */
import type { FieldRequest } from '../core/fieldGrids';
import { fieldsLayout } from '../core/fieldGrids';
import { measureTransportSubsampled } from '../core/measures';
import { flattenWeights, unflattenWeights } from '../core/weights';
import { findNonFinite, snapshotViews } from '../core/snapshot';
import type { BackendCandidate } from '../engine/backend';
import { selectBackend } from '../engine/backend';
import type { PackedSnapshot } from '../engine/trainer';
import { Trainer } from '../engine/trainer';
import { changedSettings, needsRebuild, runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import { stepsPerSecond } from '../scenario/schema';
import type { PauseReason, WorkerCommand, WorkerEvent } from './protocol';

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

/** Shortest time between two snapshots while training (~30 per second). */
export const SNAPSHOT_INTERVAL_MS = 33;
/** Shortest time between two field updates while training (decision regions, grid, arrows). */
export const FIELDS_INTERVAL_MS = 250;
/** Shortest time between two transport measurements while training (exact assignment, O(n^3)). */
export const TRANSPORT_INTERVAL_MS = 1000;
/** How often a held run looks again whether it may go on. */
const HOLD_POLL_MS = 10;
/** Training time per slice before the session looks at its messages again. */
const SLICE_MS = 16;
/** Bounds of the number of steps queued per slice (backends that run asynchronously, like WebGPU). */
const MAX_STEPS_PER_SLICE = 512;

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
  private stepsPerSlice = 1;
  private rate: { at: number; step: number }[] = [];
  /** Training waits at this step (compare mode keeps two runs together); Infinity: no hold. */
  private holdAt = Infinity;
  /** The pace clock: steps taken at `pace` steps per second since `since`. */
  private paced = { pace: Infinity, since: 0, steps: 0 };
  private view: FieldRequest | null = null;
  private wantTransport = false;
  private lastFieldsAt = -Infinity;
  private lastTransportAt = -Infinity;
  /** Step of the last transport measurement of this run's current weights (-1: none). */
  private transportStep = -1;

  constructor(private readonly host: SessionHost) {}

  /** Handles one command; commands run one at a time, in order, between training slices. */
  receive(command: WorkerCommand): Promise<void> {
    return this.exclusive(() => this.handle(command));
  }

  private exclusive(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => this.fail(error));
    this.queue = run;
    return run;
  }

  private async handle(command: WorkerCommand): Promise<void> {
    switch (command.type) {
      case 'start': {
        const report = await selectBackend(command.backend, this.host.backends);
        this.host.post({ type: 'backend', report });
        await this.build(command.scenario);
        return;
      }
      case 'configure':
        return this.configure(command.scenario);
      case 'play':
        this.setPlaying(true, null, null);
        return;
      case 'pause':
        this.setPlaying(false, 'user', null);
        if (this.trainer && this.trainer.stepCount !== this.publishedStep) await this.publish();
        return;
      case 'step':
        if (this.trainer && !this.playing) {
          this.trainer.step();
          await this.publish();
        }
        return;
      case 'reset':
        if (this.trainer) {
          this.trainer.reset();
          this.transportStep = -1;
          this.rate = [];
          await this.publish();
        }
        return;
      case 'view':
        this.view = command.request;
        this.wantTransport = command.transport;
        if (this.trainer && !this.playing) {
          if (this.wantTransport && this.transportStep !== this.trainer.stepCount) await this.publish();
          else await this.postFields();
        }
        return;
      case 'load': {
        const trainer = this.trainer;
        const weights = trainer ? unflattenWeights(command.state.weights, trainer.model) : null;
        if (!trainer || !weights)
          throw new Error('The trained weights do not fit this network; they were not loaded.');
        trainer.restoreState(weights, command.state.step, command.state.lambda);
        this.transportStep = -1;
        this.rate = [];
        await this.publish();
        return;
      }
      case 'export': {
        const trainer = this.trainer;
        if (!trainer) return;
        const weights = flattenWeights(await trainer.weights());
        const state = { weights, step: trainer.stepCount, lambda: await trainer.multiplier() };
        this.host.post({ type: 'trained', runId: this.runId, state }, [weights.buffer]);
        return;
      }
      case 'hold':
        this.holdAt = command.step;
        return;
      case 'setMultiplier':
        if (this.trainer && Number.isFinite(command.lambda) && command.lambda > 0) {
          this.trainer.setMultiplier(command.lambda);
          if (!this.playing) await this.publish();
        }
        return;
    }
  }

  private async configure(scenario: Scenario): Promise<void> {
    const previous = this.scenario;
    if (!this.trainer || !previous || needsRebuild(previous, scenario)) {
      await this.build(scenario);
      return;
    }
    this.scenario = scenario;
    const patch = changedSettings(previous, scenario);
    if (Object.keys(patch).length > 0) {
      this.trainer.updateSettings(patch);
      if (!this.playing) await this.publish();
    }
  }

  /** Replaces the run with a fresh one built from the scenario's seed. */
  private async build(scenario: Scenario): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    this.scenario = scenario;
    const config = runConfig(scenario);
    const trainer = new Trainer(config);
    this.trainer = trainer;
    this.runId++;
    this.transportStep = -1;
    this.rate = [];
    this.stepsPerSlice = 1;
    this.host.post({
      type: 'run',
      info: {
        runId: this.runId,
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

  private setPlaying(playing: boolean, reason: PauseReason | null, message: string | null): void {
    const changed = playing !== this.playing;
    this.playing = playing && this.trainer !== null;
    if (this.playing && this.reachedStepLimit()) {
      this.playing = false;
      reason = 'step-limit';
      message = `Paused: the scenario stops after ${this.scenario?.steps} steps. Raise the limit or reset to go on.`;
    }
    this.rate = [];
    this.paced = { pace: Infinity, since: 0, steps: 0 };
    if (changed || reason) this.postState(reason, message);
    if (this.playing) void this.loop();
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
        const held = (this.trainer?.stepCount ?? 0) >= this.holdAt;
        const wait = held ? HOLD_POLL_MS : this.paceWait();
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
    const budget = Math.min(
      this.stepsPerSlice,
      this.paceBudget(start),
      Math.max(0, this.holdAt - trainer.stepCount),
    );
    let steps = 0;
    while (steps < budget && !this.reachedStepLimit()) {
      trainer.step();
      steps++;
      if (this.host.now() - start >= SLICE_MS) break;
    }
    this.paced.steps += steps;
    const stepTime = this.host.now() - start;
    const limitReached = this.reachedStepLimit();
    if (
      limitReached ||
      this.host.now() - this.lastSnapshotAt >= Math.max(SNAPSHOT_INTERVAL_MS, 3 * this.lastSnapshotMs)
    ) {
      await this.publish();
    }
    // Synchronous backends stop by time; for asynchronous ones the step count is what bounds a slice.
    const total = this.host.now() - start;
    if (budget < this.stepsPerSlice) {
      // The pace, not the backend, limited this slice: it says nothing about the backend's speed.
    } else if (steps === this.stepsPerSlice && total < 2 * SLICE_MS) {
      this.stepsPerSlice = Math.min(MAX_STEPS_PER_SLICE, this.stepsPerSlice * 2);
    } else if (total > 4 * SLICE_MS && stepTime < total / 2) {
      this.stepsPerSlice = Math.max(1, Math.floor(this.stepsPerSlice / 2));
    }
    if (limitReached && this.playing) {
      this.setPlaying(false, 'step-limit', `Paused after ${trainer.stepCount} steps, as the scenario asks.`);
    }
  }

  /**
   * Steps the chosen pace allows now: those due since the pace clock started (when training started
   * or the pace changed), minus those taken. Infinity when training runs as fast as possible.
   */
  private paceBudget(now: number): number {
    const pace = stepsPerSecond(this.scenario?.pace ?? 'max');
    if (!Number.isFinite(pace)) return Infinity;
    if (this.paced.pace !== pace) this.paced = { pace, since: now, steps: 0 };
    return Math.max(0, Math.floor(((now - this.paced.since) * pace) / 1000) + 1 - this.paced.steps);
  }

  /** Milliseconds until the pace allows the next step (0 when a step is due or there is no pace). */
  private paceWait(): number {
    const { pace, since, steps } = this.paced;
    if (!Number.isFinite(pace) || this.scenario?.pace === 'max') return 0;
    return Math.max(0, since + (steps * 1000) / pace - this.host.now());
  }

  /** Reads a snapshot back, posts it, and pauses with a message if training diverged. */
  private async publish(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    const started = this.host.now();
    const snapshot: PackedSnapshot = await trainer.snapshot();
    if (trainer !== this.trainer) return;
    const now = this.host.now();
    this.lastSnapshotAt = now;
    this.publishedStep = snapshot.step;
    this.lastSnapshotMs = now - started;
    const views = snapshotViews(snapshot.data, snapshot.layout);
    const problem = findNonFinite(views);
    const transportDue = !this.playing || now - this.lastTransportAt >= TRANSPORT_INTERVAL_MS;
    if (!problem && this.wantTransport && this.transportStep !== snapshot.step && transportDue) {
      this.lastTransportAt = now;
      this.transportStep = snapshot.step;
      const flow = {
        positions: views.trainPositions,
        blocks: trainer.model.blocks,
        points: snapshot.layout.trainPoints,
        stepSize: trainer.model.stepSize,
      };
      const measures = measureTransportSubsampled(flow, trainer.seed);
      this.host.post({ type: 'transport', runId: this.runId, step: snapshot.step, measures });
    }
    const data = ownedBuffer(snapshot.data);
    this.host.post(
      {
        type: 'snapshot',
        runId: this.runId,
        step: snapshot.step,
        layout: snapshot.layout,
        data,
        stepsPerSecond: this.measureRate(now, snapshot.step),
      },
      [data.buffer],
    );
    if (
      !problem &&
      this.view &&
      (!this.playing || this.host.now() - this.lastFieldsAt >= FIELDS_INTERVAL_MS)
    ) {
      await this.postFields();
    }
    if (problem) {
      this.setPlaying(
        false,
        'diverged',
        `Training diverged by step ${snapshot.step}: a value became infinite or not a number (${problem}). ` +
          'Reset, and lower the learning rate or the penalty weight.',
      );
    }
  }

  /** Computes and posts the field layers the page asked for, for the current weights. */
  private async postFields(): Promise<void> {
    const trainer = this.trainer;
    const request = this.view;
    if (!trainer || !request) return;
    this.lastFieldsAt = this.host.now();
    const data = ownedBuffer(await trainer.fields(request));
    if (trainer !== this.trainer) return;
    this.host.post(
      {
        type: 'fields',
        runId: this.runId,
        step: trainer.stepCount,
        request,
        layout: fieldsLayout(request, trainer.model.blocks),
        data,
      },
      [data.buffer],
    );
  }

  /** Steps per second over the last second of playing. */
  private measureRate(now: number, step: number): number {
    if (!this.playing) return 0;
    this.rate.push({ at: now, step });
    while (this.rate.length > 2 && now - this.rate[1].at >= 1000) this.rate.shift();
    const first = this.rate[0];
    return now > first.at ? ((step - first.step) * 1000) / (now - first.at) : 0;
  }

  private fail(error: unknown): void {
    const fatal = this.trainer === null;
    if (this.playing) this.setPlaying(false, 'error', null);
    this.host.post({ type: 'error', message: messageOf(error), fatal });
  }
}

/** The array itself when it owns its whole buffer (so the buffer can be transferred), else a copy. */
function ownedBuffer(data: Float32Array): Float32Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}
