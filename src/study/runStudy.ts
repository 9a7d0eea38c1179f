/**
 * The study engine: runs every cell of a study on a pool of runners (worker threads in Node, Web
 * Workers in the page), largest runs first so that the pool finishes together, reporting each row
 * as it arrives with the progress and a time estimate, and stopping at once when cancelled.
 * Knows nothing of threads or tfjs: a runner is anything that trains one cell and answers its numbers.
 */
import type { StudyCell } from '../scenario/studyCells';
import type { RunNumbers, StudyRow } from '../scenario/studyRows';
import { runNumbers } from '../scenario/studyRows';
import type { StudyProgress } from './progress';
import { createProgressTracker } from './progress';

/** What a runner answers for one cell. */
export interface CellResult extends RunNumbers {
  diverged: string | null;
}

/** One worker: trains cells one at a time. */
export interface CellRunner {
  run(cell: StudyCell): Promise<CellResult>;
  /** Stops the worker, abandoning a run in progress. */
  terminate(): void;
}

export interface RunStudyOptions {
  cells: readonly StudyCell[];
  /** Runners started at most (fewer when there are fewer cells). */
  jobs: number;
  createRunner: () => CellRunner;
  /** Each finished run, in the order they finish. */
  onRow?: (row: StudyRow, progress: StudyProgress) => void;
  /** Aborting terminates every runner; the rows so far are returned. */
  signal?: AbortSignal;
  /** Milliseconds since some origin (performance.now, or a fake clock in tests). */
  now: () => number;
}

export interface StudyOutcome {
  /** Rows in cell order (those finished, when cancelled or failed). */
  rows: StudyRow[];
  /** How the study ended. */
  status: 'done' | 'cancelled' | 'failed';
  /** The first runner failure, when it failed. */
  error: string | null;
}

/** Runs the cells; never rejects (a failing runner ends the study with status "failed"). */
export async function runStudy(options: RunStudyOptions): Promise<StudyOutcome> {
  const { cells, signal } = options;
  const queue = [...cells].sort((a, b) => b.cost - a.cost || a.index - b.index);
  const tracker = createProgressTracker(cells, options.now);
  const done = new Map<number, StudyRow>();
  const runners: CellRunner[] = [];
  let stopped: 'cancelled' | 'failed' | null = signal?.aborted ? 'cancelled' : null;
  let error: string | null = null;
  const stopAll = () => runners.forEach((r) => r.terminate());
  const onAbort = () => {
    stopped ??= 'cancelled';
    stopAll();
  };
  signal?.addEventListener('abort', onAbort);

  const work = async (runner: CellRunner) => {
    for (let cell = queue.shift(); cell !== undefined && stopped === null; cell = queue.shift()) {
      let result: CellResult;
      try {
        result = await runner.run(cell);
      } catch (failure) {
        if (stopped === null) {
          stopped = 'failed';
          error = failure instanceof Error ? failure.message : String(failure);
          stopAll();
        }
        return;
      }
      if (stopped !== null) return;
      const row: StudyRow = {
        value: cell.value,
        arm: cell.arm,
        seed: cell.seed,
        link: cell.link,
        ...runNumbers(result),
        diverged: result.diverged,
      };
      done.set(cell.index, row);
      options.onRow?.(row, tracker.finished(cell));
    }
  };

  const count = Math.max(1, Math.min(options.jobs, cells.length));
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count && stopped === null; i++) {
    const runner = options.createRunner();
    runners.push(runner);
    pending.push(work(runner));
  }
  await Promise.all(pending);
  signal?.removeEventListener('abort', onAbort);
  stopAll();
  const rows = [...done.keys()].sort((a, b) => a - b).map((i) => done.get(i)!);
  return { rows, status: stopped ?? 'done', error };
}
