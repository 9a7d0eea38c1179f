/**
 * The metrics of a run against the training step, in bounded decimating series: per-step values
 * from the snapshots' history rows, and per-snapshot evaluations of the whole train and test sets.
 */
import type { TransportMeasures } from '../core/measures';
import { DecimatingSeries } from '../core/series';
import type { HistoryField, MetricName, SnapshotViews } from '../core/snapshot';
import { HISTORY_FIELDS, historyValue, metric } from '../core/snapshot';

/** Per-step series (one point per training step, x = steps taken after that step). */
export type StepSeriesName = HistoryField;
/** Per-snapshot series (x = steps taken when the snapshot was read). */
export type SnapshotSeriesName = MetricName;

const SNAPSHOT_SERIES: readonly MetricName[] = [
  'trainLoss',
  'trainAccuracy',
  'testLoss',
  'testAccuracy',
  'kineticCost',
];

/** Per-measurement series of the transport measures (about once a second). */
export type TransportSeriesName = 'optimalCost' | 'straightLineCost' | 'action';

export class MetricsHistory {
  readonly perStep: Readonly<Record<StepSeriesName, DecimatingSeries>>;
  readonly perSnapshot: Readonly<Partial<Record<SnapshotSeriesName, DecimatingSeries>>>;
  readonly perTransport: Readonly<Record<TransportSeriesName, DecimatingSeries>>;
  private changes = 0;
  private lastStep = -1;

  constructor(capacity = 2048) {
    this.perStep = Object.fromEntries(
      HISTORY_FIELDS.map((f) => [f, new DecimatingSeries(capacity)]),
    ) as Record<StepSeriesName, DecimatingSeries>;
    this.perSnapshot = Object.fromEntries(SNAPSHOT_SERIES.map((m) => [m, new DecimatingSeries(capacity)]));
    this.perTransport = {
      optimalCost: new DecimatingSeries(capacity),
      straightLineCost: new DecimatingSeries(capacity),
      action: new DecimatingSeries(capacity),
    };
  }

  /** Appends a transport measurement of the weights after `step` steps. */
  appendTransport(step: number, measures: Pick<TransportMeasures, TransportSeriesName>): void {
    for (const name of Object.keys(this.perTransport) as TransportSeriesName[]) {
      this.perTransport[name].push(step, measures[name]);
    }
    this.changes++;
  }

  /** Increases with every change, so that charts redraw only when needed. */
  get version(): number {
    return this.changes;
  }

  /** Appends a snapshot taken after `step` steps whose history holds the steps since the last one. */
  append(step: number, rows: number, views: SnapshotViews): void {
    for (let row = 0; row < rows; row++) {
      const x = step - rows + row + 1;
      for (const field of HISTORY_FIELDS) this.perStep[field].push(x, historyValue(views, row, field));
    }
    if (step !== this.lastStep) {
      for (const name of SNAPSHOT_SERIES) this.perSnapshot[name]!.push(step, metric(views, name));
      this.lastStep = step;
    }
    this.changes++;
  }

  /** Forgets every point recorded after `step` (a run continuing from a checkpoint at that step). */
  truncateAfter(step: number): void {
    for (const s of this.all()) s.truncateAfter(step);
    this.lastStep = Math.min(this.lastStep, step);
    this.changes++;
  }

  private all(): DecimatingSeries[] {
    return [
      ...Object.values(this.perStep),
      ...Object.values(this.perSnapshot).filter((s) => s !== undefined),
      ...Object.values(this.perTransport),
    ];
  }

  clear(): void {
    for (const s of this.all()) s.clear();
    this.lastStep = -1;
    this.changes++;
  }
}
