/**
 * The page's side of the study workers: each runner is one Web Worker training one cell at a time;
 * terminating it abandons the run in progress at once.
 */
import type { StudyCell } from '../scenario/studyCells';
import type { CellResult, CellRunner } from '../study/runStudy';
import type { StudyCellReply, StudyCellRequest } from './studyCell';

/** Workers a study uses in this browser: the cores it offers, leaving one for the page. */
export function studyWorkerCount(): number {
  return Math.max(1, allCoresWorkerCount() - 1);
}

/** Workers a study uses with "all cores": one per core the browser offers. */
export function allCoresWorkerCount(): number {
  return Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2);
}

export function createWebWorkerCellRunner(): CellRunner {
  const worker = new Worker(new URL('./studyCell.worker.ts', import.meta.url), {
    type: 'module',
    name: 'study',
  });
  let pending: { resolve: (r: CellResult) => void; reject: (e: Error) => void } | null = null;
  worker.onmessage = (event: MessageEvent<StudyCellReply>) => {
    const reply = event.data;
    if ('error' in reply) pending?.reject(new Error(reply.error));
    else pending?.resolve(reply.result);
    pending = null;
  };
  worker.onerror = (event) => {
    event.preventDefault();
    pending?.reject(new Error(event.message || 'a study worker failed'));
    pending = null;
  };
  return {
    run(cell: StudyCell) {
      return new Promise<CellResult>((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage({ link: cell.link, steps: cell.steps } satisfies StudyCellRequest);
      });
    },
    terminate() {
      worker.terminate();
      // The run in progress will never answer: settle it, so that nothing waits on it.
      pending?.reject(new Error('the study worker was stopped'));
      pending = null;
    },
  };
}
