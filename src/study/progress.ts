/**
 * Progress of a study: runs finished, the share of the work done (runs weighted by their estimated
 * cost, so that one large run counts for more than a small one) and the time left at the pace so far.
 */
import type { StudyCell } from '../scenario/studyCells';

export interface StudyProgress {
  finished: number;
  total: number;
  /** Share of the estimated work done, 0 to 1. */
  fraction: number;
  elapsedSeconds: number;
  /** Seconds left at the pace so far (null before the first run has finished). */
  etaSeconds: number | null;
}

/** Counts finished cells against the whole study. */
export function createProgressTracker(cells: readonly StudyCell[], now: () => number) {
  const started = now();
  const totalCost = cells.reduce((sum, c) => sum + c.cost, 0);
  let doneCost = 0;
  let finished = 0;
  return {
    finished(cell: StudyCell): StudyProgress {
      finished += 1;
      doneCost += cell.cost;
      const elapsedSeconds = (now() - started) / 1000;
      const fraction = totalCost > 0 ? doneCost / totalCost : finished / cells.length;
      const etaSeconds = fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : null;
      return { finished, total: cells.length, fraction, elapsedSeconds, etaSeconds };
    },
  };
}
