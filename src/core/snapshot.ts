/**
 * The layout of an evaluation snapshot: one flat Float32Array, read back from the device in one
 * transfer and posted to the page as one transferable buffer. The engine packs in this order; the
 * page reads through snapshotViews, which share the buffer (no copies).
 *
 *   [trainPositions (K+1)*n*2] [testPositions (K+1)*m*2] [metrics M] [blockEnergies K] [history rows*H]
 */

/** Scalar metrics of a snapshot, in packing order. */
export const METRIC_NAMES = [
  /** Mean cross-entropy over the whole training set. */
  'trainLoss',
  'trainAccuracy',
  /** Mean cross-entropy over the test set. */
  'testLoss',
  'testAccuracy',
  /** C over the whole training set. */
  'kineticCost',
  /** The least-action multiplier lambda (meaningful in least-action mode). */
  'lambda',
  /** The penalty weight the next step will use: 0 (off), a (fixed) or 1/lambda (least action). */
  'weight',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Per-step values recorded by the trainer, one row per step, in packing order. */
export const HISTORY_FIELDS = [
  /** CE of the step's batch. */
  'crossEntropy',
  /** C of the step's batch. */
  'kineticCost',
  /** lambda used by the step (after its update, least action). */
  'lambda',
  /** Penalty weight used by the step. */
  'weight',
  /** The loss the optimiser minimised: CE + weight * C. */
  'loss',
] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** Sizes that determine where each part of a snapshot lives. */
export interface SnapshotLayout {
  blocks: number;
  trainPoints: number;
  testPoints: number;
  /** Number of history rows (steps since the previous snapshot). */
  historyRows: number;
}

/** Typed views into a snapshot buffer. */
export interface SnapshotViews {
  /** [K+1][n][2] */
  trainPositions: Float32Array;
  /** [K+1][m][2] */
  testPositions: Float32Array;
  /** [METRIC_NAMES.length], see metric(). */
  metrics: Float32Array;
  /** [K] */
  blockEnergies: Float32Array;
  /** [historyRows][HISTORY_FIELDS.length] */
  history: Float32Array;
}

/** Total number of floats of a snapshot. */
export function snapshotLength(layout: SnapshotLayout): number {
  const layers = layout.blocks + 1;
  return (
    layers * (layout.trainPoints + layout.testPoints) * 2 +
    METRIC_NAMES.length +
    layout.blocks +
    layout.historyRows * HISTORY_FIELDS.length
  );
}

/** Views of each part of a snapshot buffer (which must have snapshotLength(layout) floats). */
export function snapshotViews(data: Float32Array, layout: SnapshotLayout): SnapshotViews {
  if (data.length !== snapshotLength(layout)) {
    throw new Error(`Snapshot has ${data.length} values, its layout needs ${snapshotLength(layout)}.`);
  }
  let offset = 0;
  const take = (length: number) => data.subarray(offset, (offset += length));
  const layers = layout.blocks + 1;
  return {
    trainPositions: take(layers * layout.trainPoints * 2),
    testPositions: take(layers * layout.testPoints * 2),
    metrics: take(METRIC_NAMES.length),
    blockEnergies: take(layout.blocks),
    history: take(layout.historyRows * HISTORY_FIELDS.length),
  };
}

/** One named metric of a snapshot. */
export function metric(views: SnapshotViews, name: MetricName): number {
  return views.metrics[METRIC_NAMES.indexOf(name)];
}

/** One field of history row `row`. */
export function historyValue(views: SnapshotViews, row: number, field: HistoryField): number {
  return views.history[row * HISTORY_FIELDS.length + HISTORY_FIELDS.indexOf(field)];
}

/**
 * The first problem that makes a snapshot unusable, or null: a non-finite loss in the history
 * (with its row) or in the metrics, or a non-finite position.
 */
export function findNonFinite(views: SnapshotViews): string | null {
  const fields = HISTORY_FIELDS.length;
  for (let i = 0; i < views.history.length; i++) {
    if (!Number.isFinite(views.history[i])) {
      return `history row ${Math.floor(i / fields)} (${HISTORY_FIELDS[i % fields]})`;
    }
  }
  for (let i = 0; i < views.metrics.length; i++) {
    if (!Number.isFinite(views.metrics[i])) return `metric ${METRIC_NAMES[i]}`;
  }
  for (const part of [views.trainPositions, views.testPositions, views.blockEnergies]) {
    for (let i = 0; i < part.length; i++) if (!Number.isFinite(part[i])) return 'positions';
  }
  return null;
}
