/**
 * What the transport view asks of the worker besides snapshots: the field layers (decision regions,
 * warped grid, arrows) for a request, and the transport measures of the training flow (exact
 * assignments, K + 1 of them: the input and output clouds, and each pair of consecutive depths). Both
 * are throttled while training and brought up to date when paused.
 */
import type { FieldRequest } from '../core/fieldGrids';
import { fieldsLayout } from '../core/fieldGrids';
import type { TransportMeasures } from '../core/measures';
import { measureTransportSubsampled } from '../core/measures';
import type { SnapshotLayout, SnapshotViews } from '../core/snapshot';
import type { Trainer } from '../engine/trainer';
import type { BufferPool } from './bufferPool';
import type { WorkerEvent } from './protocol';

/** Shortest time between two field updates while training. */
export const FIELDS_INTERVAL_MS = 250;
/** Shortest time between two transport measurements while training. */
export const TRANSPORT_INTERVAL_MS = 1000;
/**
 * Largest share of the training time the transport measures may take while training: they cost
 * K + 1 exact assignments (up to seconds at K = 32 on 512 points whose blocks cross), so a slow
 * measurement spaces the next ones out rather than stalling training.
 */
export const TRANSPORT_TIME_SHARE = 0.25;

/**
 * Whether transport measures are due while training: TRANSPORT_INTERVAL_MS after the last one
 * started, or longer after a slow one (so that measuring takes at most TRANSPORT_TIME_SHARE of the
 * time). Always due when paused.
 * @param now, lastAt milliseconds, monotonic; lastCostMs how long the last measurement took
 */
export function transportDue(now: number, lastAt: number, lastCostMs: number, playing: boolean): boolean {
  return !playing || now - lastAt >= Math.max(TRANSPORT_INTERVAL_MS, lastCostMs / TRANSPORT_TIME_SHARE);
}

interface OutputHost {
  post(event: WorkerEvent, transfer?: Transferable[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
}

/**
 * The transport measures of a snapshot's training flow (subsampled from the run's seed), with their
 * per-block views: the one place the worker measures, for the live view and for history checkpoints.
 */
export function measureTrainingFlow(
  trainer: Trainer,
  views: SnapshotViews,
  layout: SnapshotLayout,
): TransportMeasures {
  const flow = {
    positions: views.trainPositions,
    blocks: trainer.model.blocks,
    points: layout.trainPoints,
    stepSize: trainer.model.stepSize,
  };
  return measureTransportSubsampled(flow, trainer.seed);
}

export class ViewOutputs {
  private request: FieldRequest | null = null;
  private wantTransport = false;
  private lastFieldsAt = -Infinity;
  private lastTransportAt = -Infinity;
  private lastTransportCostMs = 0;
  /** Step of the last transport measurement of the current weights (-1: none). */
  private measuredStep = -1;

  /** @param buffers buffers the page gave back, for the field layers */
  constructor(
    private readonly host: OutputHost,
    private readonly buffers: BufferPool,
  ) {}

  /** What the view shows now: field layers for `request` (null: none), and transport measures or not. */
  set(request: FieldRequest | null, transport: boolean): void {
    this.request = request;
    this.wantTransport = transport;
  }

  /** The weights changed other than by training (rebuild, reset, load): the last measures are void. */
  forgetMeasures(): void {
    this.measuredStep = -1;
  }

  /** Whether the view wants transport measures that the weights after `step` steps do not have yet. */
  measuresLag(step: number): boolean {
    return this.wantTransport && this.measuredStep !== step;
  }

  /** Measures and posts the training flow of a snapshot, if the view wants it and it is due. */
  measure(
    runId: number,
    trainer: Trainer,
    views: SnapshotViews,
    layout: SnapshotLayout,
    step: number,
    playing: boolean,
  ): void {
    const now = this.host.now();
    const due = transportDue(now, this.lastTransportAt, this.lastTransportCostMs, playing);
    if (!this.measuresLag(step) || !due) return;
    this.lastTransportAt = now;
    this.measuredStep = step;
    const measures = measureTrainingFlow(trainer, views, layout);
    this.lastTransportCostMs = this.host.now() - now;
    this.host.post({ type: 'transport', runId, step, measures });
  }

  /** The field layers asked for now (null: none). */
  get fieldRequest(): FieldRequest | null {
    return this.request;
  }

  /** Whether the view asks for transport measures. */
  get transportWanted(): boolean {
    return this.wantTransport;
  }

  /** Whether field layers are asked for and due (at once when paused). */
  fieldsDue(playing: boolean): boolean {
    return this.request !== null && (!playing || this.host.now() - this.lastFieldsAt >= FIELDS_INTERVAL_MS);
  }

  /**
   * Computes and posts the field layers asked for, for the trainer's current weights, unless the
   * trainer stopped being current while they were read back.
   */
  async postFields(runId: number, trainer: Trainer, isCurrent: () => boolean): Promise<void> {
    const request = this.request;
    if (!request) return;
    this.lastFieldsAt = this.host.now();
    const data = this.buffers.copyOf(await trainer.fields(request));
    if (!isCurrent()) return;
    this.host.post(
      {
        type: 'fields',
        runId,
        step: trainer.stepCount,
        request,
        layout: fieldsLayout(request, trainer.model.blocks),
        data,
      },
      [data.buffer],
    );
  }
}
