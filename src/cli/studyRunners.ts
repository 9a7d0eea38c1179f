/**
 * Runners of study cells in Node: in this thread (for tests and --jobs 1 in a debugger) or in a
 * worker thread running this same bundle. Either way a cell is trained by runScenario, exactly as
 * `npm run train -- LINK --steps STEPS` trains it, so a row's link reproduces its numbers.
 */
import { parentPort, Worker } from 'node:worker_threads';
import type { Study } from '../scenario/study';
import type { StudyCell } from '../scenario/studyCells';
import { studyCells } from '../scenario/studyCells';
import { runNumbers } from '../scenario/studyRows';
import type { CellResult, CellRunner, StudyOutcome } from '../study/runStudy';
import { runStudy } from '../study/runStudy';
import { runScenario } from './runScenario';

/** Trains one cell on the CPU backend (the CLI's default) and answers its numbers. */
export async function trainCell(link: string, steps: number): Promise<CellResult> {
  const { output, trainer } = await runScenario({ scenario: link, steps, backend: 'cpu' });
  trainer.dispose();
  return { ...runNumbers(output), diverged: output.diverged };
}

/** A runner in this thread (runs cannot be abandoned midway; terminate only stops the next one). */
export function createInThreadRunner(): CellRunner {
  return { run: (cell) => trainCell(cell.link, cell.steps), terminate: () => undefined };
}

/** Every run of a study, one after the other in this thread (tests, the science check). */
export function runStudyInThread(study: Study): Promise<StudyOutcome> {
  return runStudy({
    cells: studyCells(study),
    jobs: 1,
    createRunner: createInThreadRunner,
    now: () => performance.now(),
  });
}

type Reply = { result: CellResult } | { error: string };

/** A runner in a worker thread started from `bundle` (the running CLI bundle, which serves it). */
export function createThreadRunner(bundle: URL): CellRunner {
  const worker = new Worker(bundle, { workerData: { studyRunner: true }, stdout: false });
  let pending: { resolve: (r: CellResult) => void; reject: (e: Error) => void } | null = null;
  const fail = (error: Error) => {
    pending?.reject(error);
    pending = null;
  };
  worker.on('message', (reply: Reply) => {
    if ('error' in reply) fail(new Error(reply.error));
    else pending?.resolve(reply.result);
    pending = null;
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`a study worker stopped (exit code ${code})`)));
  return {
    run(cell: StudyCell) {
      return new Promise<CellResult>((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage({ link: cell.link, steps: cell.steps });
      });
    },
    terminate() {
      void worker.terminate();
      // The run in progress will never answer: settle it, so that nothing waits on it.
      fail(new Error('the study worker was stopped'));
    },
  };
}

/** The worker thread's side: trains each cell it is sent and answers its numbers or the error. */
export function serveCells(): void {
  parentPort!.on('message', async ({ link, steps }: { link: string; steps: number }) => {
    try {
      parentPort!.postMessage({ result: await trainCell(link, steps) } satisfies Reply);
    } catch (error) {
      parentPort!.postMessage({
        error: error instanceof Error ? error.message : String(error),
      } satisfies Reply);
    }
  });
}
