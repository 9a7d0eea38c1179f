/** The page's one study runner, on Web Workers (the cores the browser offers, one left for the page). */
import { createWebWorkerCellRunner, studyWorkerCount } from '../worker/studyClient';
import type { StudyRunner } from './studyRunner';
import { createStudyRunner } from './studyRunner';

let runner: StudyRunner | null = null;

/** Created on first use; workers start only when a study runs. */
export function pageStudyRunner(): StudyRunner {
  runner ??= createStudyRunner({
    createRunner: createWebWorkerCellRunner,
    workers: studyWorkerCount(),
    now: () => performance.now(),
  });
  return runner;
}
