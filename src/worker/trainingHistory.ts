/**
 * The training history of one run: checkpoints of the weights (with lambda and the penalty weight
 * the next step uses) from which the whole view at a past step is recomputed. The schedule is dense
 * early and sparse later, because learning happens early: every step up to DENSE_STEPS, then steps
 * on a log grid (step_k = round(DENSE_STEPS * (1 + 1/DENSE_STEPS)^k), at least one step apart), plus
 * one checkpoint at every live change of a setting. When the grid is full every second grid point is
 * dropped and the grid's ratio squared, so the spacing stays logarithmic and the count bounded:
 * at most MAX_CHECKPOINTS, whatever the length of the run. Pure TypeScript, no tfjs.
 */
import { weightCount } from '../core/weights';
import { FIELDS } from '../scenario/schema';

/** Every step up to this one is kept. */
export const DENSE_STEPS = 100;
/** Ratio between two grid points before any thinning: consecutive points are >= 1 step apart. */
export const GRID_RATIO = 1 + 1 / DENSE_STEPS;
/** Most checkpoints on the log grid; one more and the grid is thinned to every second point. */
export const GRID_CAPACITY = 180;
/** Most checkpoints kept for live changes (beyond that every second one is dropped). */
export const MARK_CAPACITY = 20;
/** Most live-change steps listed for the timeline (thinned the same way). */
export const CHANGE_CAPACITY = 400;
/**
 * Most checkpoints a history holds: the first step (the run's start), the dense steps after it,
 * the grid and the live changes.
 */
export const MAX_CHECKPOINTS = 1 + DENSE_STEPS + GRID_CAPACITY + MARK_CAPACITY;

/** The state after `step` steps, enough to recompute the view exactly (not to continue training). */
export interface Checkpoint {
  step: number;
  /** All weights in WEIGHT_NAMES order (src/core/weights.ts), float32. */
  weights: Float32Array;
  /** The least-action multiplier. */
  lambda: number;
  /** The penalty weight the next step uses (0, a or 1/lambda), as the live snapshot reports it. */
  weight: number;
}

type Kind = 'start' | 'dense' | 'grid' | 'mark';

interface Entry {
  checkpoint: Checkpoint;
  kind: Kind;
  /** Grid index (level-0 numbering) of a grid entry; -1 otherwise. */
  index: number;
}

/** Step of grid point k (level-0 numbering; k >= 1). */
export function gridStep(k: number): number {
  return Math.round(DENSE_STEPS * GRID_RATIO ** k);
}

/**
 * Weights of the largest network a scenario allows (K, width and classes at their maximum): the
 * shape at which the memory bound is stated.
 */
export const LARGEST_WEIGHT_COUNT = weightCount({
  blocks: FIELDS.K.max,
  width: FIELDS.width.max,
  classes: FIELDS.classes.max,
  activation: 'tanh',
  stepSize: 1,
  head: 'learned',
});

/** Bytes a full history holds for a model of `weightCount` weights: the memory bound. */
export function historyBytesBound(weightCount: number): number {
  return MAX_CHECKPOINTS * weightCount * Float32Array.BYTES_PER_ELEMENT;
}

export class TrainingHistory {
  private entries: Entry[] = [];
  private readonly changeSteps: number[] = [];
  /** Thinning level: grid entries kept have an index that is a multiple of 2^level. */
  private level = 0;
  /** Level-0 index of the next grid point to keep. */
  private nextIndex = 1;
  private gridCount = 0;
  private markCount = 0;
  /** The step of the checkpoint the page views: thinning spares it while it is in view. */
  private held: number | null = null;

  /**
   * @param runId the run the history belongs to (a rebuild starts a new history)
   * @param startStep the step the run starts from (0, or a loaded or resumed state's step)
   */
  constructor(
    public runId: number,
    readonly startStep = 0,
  ) {
    while (gridStep(this.nextIndex) <= startStep) this.nextIndex++;
  }

  /** Whether a checkpoint after `step` steps belongs to the schedule (a live change aside). */
  due(step: number): boolean {
    const last = this.entries.at(-1)?.checkpoint.step ?? -1;
    if (step <= last) return false;
    if (this.entries.length === 0) return step === this.startStep;
    return step <= DENSE_STEPS || step >= gridStep(this.nextIndex);
  }

  /** Notes a live change of a setting after `step` steps; the next add() at that step is kept for it. */
  markChange(step: number): void {
    if (this.changeSteps.at(-1) === step) return;
    this.changeSteps.push(step);
    if (this.changeSteps.length > CHANGE_CAPACITY) dropEverySecond(this.changeSteps);
  }

  /** Whether a checkpoint after `step` steps is wanted: due, or taken after a live change at that step. */
  wants(step: number): boolean {
    const last = this.entries.at(-1)?.checkpoint.step ?? -1;
    return this.due(step) || (step >= last && this.changeSteps.at(-1) === step);
  }

  /**
   * Keeps a checkpoint if the schedule or a live change at its step wants it; returns whether it did.
   * One taken after a live change replaces the one kept before it at the same step (the view at that
   * step shows the new setting, as the live view did).
   */
  add(checkpoint: Checkpoint): boolean {
    const step = checkpoint.step;
    if (!this.wants(step)) return false;
    const last = this.entries.at(-1);
    if (last && last.checkpoint.step === step) {
      last.checkpoint = checkpoint;
      if (last.kind === 'grid') {
        last.kind = 'mark';
        this.gridCount--;
        if (++this.markCount > MARK_CAPACITY) this.thinMarks();
      }
      return true;
    }
    const onGrid = step > DENSE_STEPS && step >= gridStep(this.nextIndex);
    const index = onGrid ? this.nextIndex : -1;
    if (onGrid) {
      const stride = 2 ** this.level;
      while (gridStep(this.nextIndex) <= step) this.nextIndex += stride;
    }
    // A live change's checkpoint is kept as such even on a grid point, so that thinning spares it.
    let kind: Kind = 'mark';
    if (this.entries.length === 0) kind = 'start';
    else if (step <= DENSE_STEPS) kind = 'dense';
    else if (onGrid && this.changeSteps.at(-1) !== step) kind = 'grid';
    this.entries.push({ checkpoint, kind, index });
    if (kind === 'grid' && ++this.gridCount > GRID_CAPACITY) this.thinGrid();
    if (kind === 'mark' && ++this.markCount > MARK_CAPACITY) this.thinMarks();
    return true;
  }

  /** The kept checkpoint nearest to `step` (the earlier one on a tie), or null when empty. */
  nearest(step: number): Checkpoint | null {
    const entries = this.entries;
    if (entries.length === 0) return null;
    let lo = 0;
    let hi = entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].checkpoint.step < step) lo = mid + 1;
      else hi = mid;
    }
    const before = entries[Math.max(0, lo - 1)].checkpoint;
    const at = entries[lo].checkpoint;
    return Math.abs(before.step - step) <= Math.abs(at.step - step) ? before : at;
  }

  /**
   * Keeps the checkpoint at `step` through thinning while the page views it (null: none), so that the
   * view at a past step stays where it is while training goes on and the grid thins.
   */
  hold(step: number | null): void {
    this.held = step;
  }

  /** Steps of the kept checkpoints, ascending. */
  steps(): number[] {
    return this.entries.map((e) => e.checkpoint.step);
  }

  /** Steps at which a setting was changed live, ascending (thinned beyond CHANGE_CAPACITY). */
  changes(): number[] {
    return this.changeSteps.slice();
  }

  /** Number of checkpoints kept. */
  get size(): number {
    return this.entries.length;
  }

  /** Bytes held by the kept weights. */
  bytes(): number {
    return this.entries.reduce((sum, e) => sum + e.checkpoint.weights.byteLength, 0);
  }

  /** Every second grid point goes; the grid's ratio is squared. */
  private thinGrid(): void {
    this.level++;
    const stride = 2 ** this.level;
    this.entries = this.entries.filter(
      (e) => e.kind !== 'grid' || e.index % stride === 0 || e.checkpoint.step === this.held,
    );
    this.gridCount = this.entries.filter((e) => e.kind === 'grid').length;
    this.nextIndex = Math.ceil(this.nextIndex / stride) * stride;
  }

  /** Every second live-change checkpoint goes (the newest stays). */
  private thinMarks(): void {
    const marks = this.entries.filter((e) => e.kind === 'mark');
    const dropped = new Set(
      marks.filter((e, i) => (marks.length - 1 - i) % 2 === 1 && e.checkpoint.step !== this.held),
    );
    this.entries = this.entries.filter((e) => !dropped.has(e));
    this.markCount = marks.length - dropped.size;
  }
}

/** Removes every second item in place, keeping the newest. */
function dropEverySecond(items: number[]): void {
  const kept = items.filter((_, i) => (items.length - 1 - i) % 2 === 0);
  items.splice(0, items.length, ...kept);
}
