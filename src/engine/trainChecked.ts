/**
 * Training a run headless to a step count, as `npm run train` and the study workers do: the steps run
 * in slices, and after each slice the per-step records are read back to find the first value that
 * became infinite or not a number (which stops the run early); then the final snapshot.
 */
import { findNonFinite, HISTORY_FIELDS, snapshotViews } from '../core/snapshot';
import type { PackedSnapshot, Trainer } from './trainer';

/** Steps between readbacks of the per-step records. */
export const CHECK_EVERY = 250;

export interface CheckedRun {
  /** The snapshot after the last step taken. */
  snapshot: PackedSnapshot;
  /** Null, or where a value became infinite or not a number. */
  diverged: string | null;
  /** Seconds the steps took (by `now`, in milliseconds). */
  seconds: number;
}

/** Trains `trainer` until it has taken `target` steps in all, or a value diverged. */
export async function trainChecked(trainer: Trainer, target: number, now: () => number): Promise<CheckedRun> {
  const started = now();
  let diverged: string | null = null;
  while (trainer.stepCount < target && diverged === null) {
    const sliceStart = trainer.stepCount;
    trainer.stepMany(Math.min(target, sliceStart + CHECK_EVERY) - sliceStart);
    const bad = (await trainer.takeHistory()).findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const step = sliceStart + Math.floor(bad / HISTORY_FIELDS.length) + 1;
      diverged = `a value became infinite or not a number at step ${step}`;
    }
  }
  const seconds = (now() - started) / 1000;
  const snapshot = await trainer.snapshot();
  const nonFinite = findNonFinite(snapshotViews(snapshot.data, snapshot.layout));
  diverged ??= nonFinite && `after step ${snapshot.step}, ${nonFinite} is infinite or not a number`;
  return { snapshot, diverged, seconds };
}
