import { describe, expect, it } from 'vitest';
import type { StudyCell } from '../scenario/studyCells';
import { studyJson } from '../scenario/studyRows';
import type { CellResult, CellRunner } from '../study/runStudy';
import { createStudyRunner } from './studyRunner';

const TINY = 'study=tiny&sweep=n&values=20,40&arms=off(penalty:off);lap(penalty:lap)&seeds=2&steps=10&v=2';

const numbers = (cell: StudyCell): CellResult => ({
  steps: cell.steps,
  trainAccuracy: 1,
  testAccuracy: 0.9,
  trainLoss: 0,
  testLoss: 0.2,
  C: 1,
  lambda: 1,
  otRatio: 0.9,
  straightness: 0.5,
  efficiency: 0.4,
  W2sq: 1,
  S: 1,
  action: 2,
  monotonicityViolations: 0,
  blockOtRatio: 0.95,
  seconds: 0.1,
  diverged: null,
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the page study runner', () => {
  it('runs the study in its text, keeps the rows as they arrive, and ends done', async () => {
    const runner = createStudyRunner({
      createRunner: (): CellRunner => ({ run: async (cell) => numbers(cell), terminate: () => undefined }),
      workers: 2,
      now: () => 0,
    });
    const seen: number[] = [];
    runner.subscribe(() => seen.push(runner.getState().rows.length));
    runner.setText(TINY);
    runner.start();
    expect(runner.getState().status).toBe('running');
    await settle();
    await settle();
    const state = runner.getState();
    expect(state.status).toBe('done');
    expect(state.rows).toHaveLength(8);
    expect(state.study?.name).toBe('tiny');
    expect(Math.max(...seen)).toBe(8);
  });

  it('uses every core once asked, from the next run on', async () => {
    let created = 0;
    const runner = createStudyRunner({
      createRunner: (): CellRunner => {
        created++;
        return { run: async (cell) => numbers(cell), terminate: () => undefined };
      },
      workers: 1,
      allWorkers: 2,
      now: () => 0,
    });
    runner.setText(TINY);
    expect(runner.getState()).toMatchObject({ workers: 1, allCores: false });
    runner.setAllCores(true);
    expect(runner.getState()).toMatchObject({ workers: 2, allCores: true });
    runner.start();
    await settle();
    await settle();
    expect(runner.getState().status).toBe('done');
    expect(created).toBe(2);
    runner.setAllCores(false);
    expect(runner.getState().workers).toBe(1);
  });

  it('cancel ends a run as cancelled; a results file opens as loaded, a bad one says why', async () => {
    const runner = createStudyRunner({
      createRunner: (): CellRunner => {
        let reject: ((e: Error) => void) | null = null;
        return {
          run: () => new Promise<CellResult>((_, r) => (reject = r)),
          terminate: () => reject?.(new Error('stopped')),
        };
      },
      workers: 1,
      now: () => 0,
    });
    runner.setText(TINY);
    runner.start();
    runner.cancel();
    await settle();
    expect(runner.getState().status).toBe('cancelled');

    const study = runner.getState().study!;
    const rows = [
      { value: '20', arm: 'off', seed: 1, link: 'v=2&n=20', ...numbers({ steps: 10 } as StudyCell) },
    ];
    expect(runner.load(JSON.stringify(studyJson(study, [...rows, { ...rows[0], arm: 'nobody' }])))).toBe(
      true,
    );
    expect(runner.getState()).toMatchObject({ status: 'loaded', rows });
    expect(runner.getState().notices).toEqual(['1 row is not a run of this study and was skipped.']);
    expect(runner.load('not json')).toBe(false);
    expect(runner.getState().notices).toEqual(['The file is not JSON.']);
    expect(runner.getState().rows).toEqual(rows);

    // A file written before blockOtRatio was a key still opens, that column empty.
    const older: Partial<(typeof rows)[0]> = { ...rows[0] };
    delete older.blockOtRatio;
    const file = JSON.parse(JSON.stringify(studyJson(study, rows))) as { rows: unknown[] };
    file.rows = [older];
    expect(runner.load(JSON.stringify(file))).toBe(true);
    expect(runner.getState().rows).toEqual([{ ...rows[0], blockOtRatio: null }]);
    expect(runner.getState().notices).toEqual([]);
  });
});
