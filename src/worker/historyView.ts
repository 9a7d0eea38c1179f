/**
 * The session's side of the training history: it keeps checkpoints of the run on the schedule of
 * trainingHistory.ts (states are kept on the device after a step and read back with the next
 * snapshot, so a step costs no readback), tells the page which steps it has, and answers
 * `view-step` with the whole view at a kept step, computed by the same code as the live view:
 * the snapshot, the field layers the view asks for and, once the scrubbing rests, the transport
 * measures. Only the newest step asked for is computed; older requests are skipped.
 */
import type { FieldRequest } from '../core/fieldGrids';
import { fieldsLayout } from '../core/fieldGrids';
import { findNonFinite, snapshotViews } from '../core/snapshot';
import type { PackedSnapshot, Trainer } from '../engine/trainer';
import { ownedBuffer } from './ownedBuffer';
import type { WorkerEvent } from './protocol';
import { TrainingHistory } from './trainingHistory';
import { measureTrainingFlow } from './viewOutputs';

interface HistoryHost {
  post(event: WorkerEvent, transfer?: Transferable[]): void;
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
  /** A copy of the last checkpoint snapshot posted, while the view wants its transport measures. */
  private forMeasures: PackedSnapshot | null = null;

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
    trainer.keepState();
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
    this.host.post({ type: 'history', runId, steps: history.steps(), changes: history.changes() });
  }

  /** The page asked for `step` (null: live); set at once, before queued work runs, so it skips stale asks. */
  aim(step: number | null): void {
    this.target = step !== null && Number.isFinite(step) ? Math.max(0, step) : null;
  }

  /**
   * Posts the view at the kept checkpoint nearest to the step asked for, unless it is already shown
   * for the same field request; the transport measures follow unless another step is asked for first.
   */
  async show(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<void> {
    const history = this.history;
    if (this.target === null || !history || history.runId !== runId) return;
    const checkpoint = history.nearest(this.target);
    if (!checkpoint) return;
    const request = this.wish.fieldRequest;
    const snapshotKey = `${runId}|${checkpoint.step}`;
    if (snapshotKey !== this.shownKey) {
      const snapshot = await trainer.snapshotOf(checkpoint);
      if (!isCurrent()) return;
      // The posted buffer is transferred: the measures, computed after a pause, read a copy.
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
    }
    const fieldsKey = `${snapshotKey}|${JSON.stringify(request)}`;
    if (request && fieldsKey !== this.fieldsKey) {
      const fields = ownedBuffer(await trainer.fieldsOf(checkpoint, request));
      if (!isCurrent()) return;
      const layout = fieldsLayout(request, trainer.model.blocks);
      const event = { type: 'fields', runId, step: checkpoint.step, request, layout } as const;
      this.host.post({ ...event, data: fields, checkpoint: true }, [fields.buffer]);
      this.fieldsKey = fieldsKey;
    }
    if (!this.wish.transportWanted || snapshotKey === this.measuredKey) return;
    // The exact assignment takes a while: while the timeline is being dragged, the next step wins.
    await this.host.yieldToEvents();
    if (this.target === null || history.nearest(this.target) !== checkpoint || !isCurrent()) return;
    const kept = this.forMeasures;
    const snapshot = kept?.step === checkpoint.step ? kept : await trainer.snapshotOf(checkpoint);
    const views = snapshotViews(snapshot.data, snapshot.layout);
    if (findNonFinite(views) || !isCurrent()) return;
    const measures = measureTrainingFlow(trainer, views, snapshot.layout);
    this.measuredKey = snapshotKey;
    this.host.post({ type: 'transport', runId, step: checkpoint.step, measures, checkpoint: true });
  }
}
