import { describe, expect, it } from 'vitest';
import { restoreStudy } from '../scenario/study';
import type { StudyCell } from '../scenario/studyCells';
import { studyCells } from '../scenario/studyCells';
import type { CellResult, CellRunner } from './runStudy';
import { runStudy } from './runStudy';

const { study } = restoreStudy({
  base: 'v=2&K=4',
  sweep: 'n',
  values: [20, 200],
  arms: 'off(penalty:off);least action(penalty:lap)',
  seeds: 3,
  steps: 100,
});
const cells = studyCells(study);

const numbers = (cell: StudyCell): CellResult => ({
  steps: cell.steps,
  trainAccuracy: 1,
  testAccuracy: 0.8 + cell.seed / 100,
  trainLoss: 0.1,
  testLoss: 0.3,
  C: cell.armIndex === 0 ? 5 : 1,
  lambda: 1,
  otRatio: 0.9,
  straightness: 0.8,
  efficiency: 0.7,
  W2sq: 1,
  S: 1.1,
  action: 1.4,
  monotonicityViolations: 0,
  blockOtRatio: 0.95,
  seconds: 0.5,
  diverged: null,
});

/** Runners whose runs finish when the test says so, on a clock the test moves. */
function manualPool() {
  let clock = 0;
  const waiting: { cell: StudyCell; finish: () => void; fail: (e: Error) => void }[] = [];
  const started: number[] = [];
  let terminated = 0;
  // Like the real runners, terminating one rejects its run in progress.
  const createRunner = (): CellRunner => {
    let current: ((e: Error) => void) | null = null;
    return {
      run: (cell) =>
        new Promise<CellResult>((resolve, reject) => {
          started.push(cell.index);
          current = reject;
          waiting.push({ cell, finish: () => resolve(numbers(cell)), fail: reject });
        }),
      terminate: () => {
        terminated += 1;
        current?.(new Error('stopped'));
      },
    };
  };
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    createRunner,
    started,
    waiting,
    now: () => clock,
    advance: (ms: number) => void (clock += ms),
    terminated: () => terminated,
    async finishNext() {
      waiting.shift()!.finish();
      await settle();
    },
    settle,
  };
}

describe('runStudy', () => {
  it('runs every cell on the pool, largest first, rows in cell order, with progress as they arrive', async () => {
    const pool = manualPool();
    const progress: number[] = [];
    const promise = runStudy({
      cells,
      jobs: 2,
      createRunner: pool.createRunner,
      now: pool.now,
      onRow: (_, p) => progress.push(p.finished),
    });
    await pool.settle();
    // Two runners, each with one run; the largest cells (n = 200) go first.
    expect(pool.waiting.map((w) => w.cell.value)).toEqual(['200', '200']);
    while (pool.waiting.length > 0) {
      pool.advance(1000);
      await pool.finishNext();
    }
    const outcome = await promise;
    expect(outcome.status).toBe('done');
    expect(outcome.rows.map((r) => r.link)).toEqual(cells.map((c) => c.link));
    expect(progress).toEqual(cells.map((_, i) => i + 1));
    expect(new Set(pool.started).size).toBe(cells.length);
    expect(pool.terminated()).toBe(2);
  });

  it('the time estimate follows the work done, weighted by each run’s cost', async () => {
    const pool = manualPool();
    const etas: (number | null)[] = [];
    const promise = runStudy({
      cells,
      jobs: 1,
      createRunner: pool.createRunner,
      now: pool.now,
      onRow: (_, p) => etas.push(p.etaSeconds === null ? null : Number(p.etaSeconds.toFixed(6))),
    });
    await pool.settle();
    const total = cells.reduce((s, c) => s + c.cost, 0);
    pool.advance(4000);
    const first = pool.waiting[0].cell;
    await pool.finishNext();
    // 4 s for `first.cost` of `total`: the rest at the same pace.
    expect(etas[0]).toBeCloseTo((4 * (total - first.cost)) / first.cost, 5);
    while (pool.waiting.length > 0) await pool.finishNext();
    await promise;
    expect(etas.at(-1)).toBe(0);
  });

  it('cancelling stops every runner at once and keeps the rows finished so far', async () => {
    const pool = manualPool();
    const controller = new AbortController();
    const promise = runStudy({
      cells,
      jobs: 2,
      createRunner: pool.createRunner,
      now: pool.now,
      signal: controller.signal,
    });
    await pool.settle();
    await pool.finishNext();
    controller.abort();
    // The run still in flight never answers: the study ends without it.
    const outcome = await promise;
    expect(outcome.status).toBe('cancelled');
    expect(outcome.rows).toHaveLength(1);
    expect(pool.started).toHaveLength(3);
    expect(pool.terminated()).toBeGreaterThanOrEqual(2);
  });

  it('a failing run ends the study as failed, with the error and the rows so far', async () => {
    const pool = manualPool();
    const promise = runStudy({ cells, jobs: 2, createRunner: pool.createRunner, now: pool.now });
    await pool.settle();
    await pool.finishNext();
    pool.waiting.shift()!.fail(new Error('out of memory'));
    await pool.settle();
    pool.waiting.forEach((w) => w.finish());
    const outcome = await promise;
    expect(outcome).toMatchObject({ status: 'failed', error: 'out of memory' });
    expect(outcome.rows).toHaveLength(1);
  });

  it('an already cancelled study starts nothing', async () => {
    const pool = manualPool();
    const controller = new AbortController();
    controller.abort();
    const outcome = await runStudy({
      cells,
      jobs: 2,
      createRunner: pool.createRunner,
      now: pool.now,
      signal: controller.signal,
    });
    expect(outcome).toEqual({ rows: [], status: 'cancelled', error: null });
    expect(pool.started).toEqual([]);
  });
});
