/**
 * The session's side of the training history: it keeps checkpoints of the run on the schedule of
 * trainingHistory.ts (states are kept on the device after a step and read back with the next
 * snapshot, so a step costs no readback), tells the page which steps it has, and answers
 * `view-step` with the whole view at a kept step, computed by the same code as the live view:
 * the snapshot, the field layers the view asks for and, once the scrubbing rests, the transport
 * measures (kept per step). Only the newest step asked for is computed; older asks are skipped.
 */
import type { FieldRequest } from '../core/fieldGrids';
import { fieldsLayout } from '../core/fieldGrids';
import type { TransportMeasures } from '../core/measures';
import { findNonFinite, snapshotViews } from '../core/snapshot';
import type { PackedSnapshot, Trainer } from '../engine/trainer';
import { ownedBuffer } from './ownedBuffer';
import type { WorkerEvent } from './protocol';
import type { Checkpoint } from './trainingHistory';
import { TrainingHistory } from './trainingHistory';
import { measureTrainingFlow } from './viewOutputs';

/** Transport measures of a viewed step wait until no other step was asked for during this long. */
export const MEASURE_REST_MS = 250;

interface HistoryHost {
  post(event: WorkerEvent, transfer?: Transferable[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after pending messages had a chance to be handled. */
  yieldToEvents(): Promise<void>;
}

/** What the view asks for besides the snapshot (ViewOutputs holds it). */
interface ViewWish {
  readonly fieldRequest: FieldRequest | null;
  readonly transportWanted: boolean;
}

export class HistoryView {
  private history: TrainingHistory | null = null;
  /** The step the page asked to see, or null for the live weights. */
  private target: number | null = null;
  /** What was last posted for the target: run and checkpoint step (with the field request). */
  private shownKey = '';
  private fieldsKey = '';
  private measuredKey = '';
  private changed = false;
  /** Whether the next `history` list is the first of a new history (the page then drops its steps). */
  private fresh = false;
  /** A copy of the last checkpoint snapshot posted, while the view wants its transport measures. */
  private forMeasures: PackedSnapshot | null = null;
  /** Transport measures of kept checkpoints, by step (they never change). */
  private measures = new Map<number, TransportMeasures>();
  /** When a view was last asked for (ms): measures wait until scrubbing rests. */
  private shownAt = -Infinity;

  constructor(
    private readonly host: HistoryHost,
    private readonly wish: ViewWish,
  ) {}

  /** The history of the current run (null before the first run). */
  get current(): TrainingHistory | null {
    return this.history;
  }

  /** Whether the page views a past step. */
  get viewing(): boolean {
    return this.target !== null;
  }

  /** The trainer's weights were replaced (build, reset, load): a new history from its step on. */
  restart(runId: number, trainer: Trainer): void {
    this.history = new TrainingHistory(runId, trainer.stepCount);
    this.target = null;
    this.shownKey = '';
    this.fieldsKey = '';
    this.measuredKey = '';
    this.forMeasures = null;
    this.measures = new Map();
    this.fresh = true;
    trainer.keepState();
  }

  /**
   * The same run continues under a new run id with the same weights (moved to another backend): its
   * history goes on, the page is sent it again with the next snapshot, and a step in view stays in
   * view (the session shows it again).
   */
  carryOver(runId: number, trainer: Trainer): void {
    if (!this.history) return this.restart(runId, trainer);
    this.history.runId = runId;
    this.shownKey = '';
    this.fieldsKey = '';
    this.measuredKey = '';
    this.changed = true;
  }

  /** After each training step: keeps the state when the schedule wants it. */
  afterStep(trainer: Trainer): void {
    if (this.history?.due(trainer.stepCount)) trainer.keepState();
  }

  /** A setting changed live (after it was applied): its step is marked and kept. */
  markChange(trainer: Trainer): void {
    const history = this.history;
    if (!history) return;
    history.markChange(trainer.stepCount);
    this.changed = true;
    if (history.wants(trainer.stepCount)) trainer.keepState();
  }

  /** Reads back the states kept since the last call into the history; tells the page if it changed. */
  async flush(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<void> {
    const states = await trainer.takeKeptStates();
    const history = this.history;
    if (!isCurrent() || !history || history.runId !== runId) return;
    for (const state of states) if (history.add(state)) this.changed = true;
    if (!this.changed) return;
    this.changed = false;
    const fresh = this.fresh;
    this.fresh = false;
    this.host.post({ type: 'history', runId, fresh, steps: history.steps(), changes: history.changes() });
  }

  /** The page asked for `step` (null: live); set at once, before queued work runs, so it skips stale asks. */
  aim(step: number | null): void {
    this.target = step !== null && Number.isFinite(step) ? Math.max(0, step) : null;
    if (this.target === null) this.history?.hold(null);
  }

  /** The kept checkpoint the page asks to see, or null when it views the live weights. */
  private targetCheckpoint(runId: number): Checkpoint | null {
    const history = this.history;
    if (this.target === null || !history || history.runId !== runId) return null;
    return history.nearest(this.target);
  }

  /**
   * Posts the view at the kept checkpoint nearest to the step asked for (snapshot, then the field
   * layers asked for), unless already posted; skips what a newer ask made stale. Returns whether
   * transport measures are wanted and not known yet: measure() brings them once scrubbing rests.
   */
  async show(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<boolean> {
    const checkpoint = this.targetCheckpoint(runId);
    if (!checkpoint) return false;
    this.shownAt = this.host.now();
    // Thinning spares the checkpoint in view: the view stays at its step while training goes on.
    this.history?.hold(checkpoint.step);
    const request = this.wish.fieldRequest;
    const snapshotKey = `${runId}|${checkpoint.step}`;
    if (snapshotKey !== this.shownKey) {
      const snapshot = await trainer.snapshotOf(checkpoint);
      if (!isCurrent()) return false;
      // The posted buffer is transferred: the measures, computed later, read a copy.
      this.forMeasures = this.wish.transportWanted ? { ...snapshot, data: snapshot.data.slice() } : null;
      const data = ownedBuffer(snapshot.data);
      this.host.post(
        {
          type: 'snapshot',
          runId,
          step: snapshot.step,
          layout: snapshot.layout,
          data,
          stepsPerSecond: 0,
          engine: trainer.engine,
          checkpoint: true,
        },
        [data.buffer],
      );
      this.shownKey = snapshotKey;
      // While the timeline is dragged, the next step asked for wins over this one's fields.
      await this.host.yieldToEvents();
      if (this.targetCheckpoint(runId) !== checkpoint || !isCurrent()) return false;
    }
    const fieldsKey = `${snapshotKey}|${JSON.stringify(request)}`;
    if (request && fieldsKey !== this.fieldsKey) {
      const fields = ownedBuffer(await trainer.fieldsOf(checkpoint, request));
      if (!isCurrent()) return false;
      const layout = fieldsLayout(request, trainer.model.blocks);
      const event = { type: 'fields', runId, step: checkpoint.step, request, layout } as const;
      this.host.post({ ...event, data: fields, checkpoint: true }, [fields.buffer]);
      this.fieldsKey = fieldsKey;
    }
    if (!this.wish.transportWanted) return false;
    const known = this.measures.get(checkpoint.step);
    if (known && this.measuredKey !== snapshotKey) {
      this.measuredKey = snapshotKey;
      this.host.post({ type: 'transport', runId, step: checkpoint.step, measures: known, checkpoint: true });
    }
    return !known;
  }

  /**
   * The transport measures of the checkpoint in view (an exact assignment: too slow to run while the
   * timeline is dragged), once nothing was shown for MEASURE_REST_MS; kept for the history's lifetime.
   */
  async measure(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<void> {
    const checkpoint = this.targetCheckpoint(runId);
    if (!checkpoint || !this.wish.transportWanted || this.measures.has(checkpoint.step)) return;
    if (this.host.now() - this.shownAt < MEASURE_REST_MS) return;
    const kept = this.forMeasures;
    const snapshot = kept?.step === checkpoint.step ? kept : await trainer.snapshotOf(checkpoint);
    const views = snapshotViews(snapshot.data, snapshot.layout);
    if (findNonFinite(views) || !isCurrent()) return;
    const measures = measureTrainingFlow(trainer, views, snapshot.layout);
    this.measures.set(checkpoint.step, measures);
    this.measuredKey = `${runId}|${checkpoint.step}`;
    this.host.post({ type: 'transport', runId, step: checkpoint.step, measures, checkpoint: true });
  }
}
