/**
 * The page's one study runner, on Web Workers: the cores the browser offers with one left for the
 * page, or all of them when the user asks.
 */
import { allCoresWorkerCount, createWebWorkerCellRunner, studyWorkerCount } from '../worker/studyClient';
import type { StudyRunner } from './studyRunner';
import { createStudyRunner } from './studyRunner';

let runner: StudyRunner | null = null;

/** Created on first use; workers start only when a study runs. */
export function pageStudyRunner(): StudyRunner {
  runner ??= createStudyRunner({
    createRunner: createWebWorkerCellRunner,
    workers: studyWorkerCount(),
    allWorkers: allCoresWorkerCount(),
    now: () => performance.now(),
  });
  return runner;
}
