/**
 * The page's study: the study text being edited, and the study being run or last run with its rows
 * as they arrive, its progress and how it ended. Lives outside React, so that results stay when the
 * panel closes; the panel subscribes to it. Runs go to Web Workers through the shared study engine.
 */
import type { Study } from '../scenario/study';
import { parseStudyText, STUDIES } from '../scenario/studies';
import { studyCells } from '../scenario/studyCells';
import { encodeStudyLink } from '../scenario/studyLink';
import type { StudyRow } from '../scenario/studyRows';
import { readStudyFile } from '../scenario/studyRows';
import type { StudyProgress } from '../study/progress';
import type { CellRunner } from '../study/runStudy';
import { runStudy } from '../study/runStudy';

export type StudyStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed' | 'loaded';

export interface StudyRunState {
  /** The study text in the editor (a link, a built-in name or JSON). */
  text: string;
  /** The study of the current or last run (null before the first). */
  study: Study | null;
  /** What had to change to read the text, for the run started from it. */
  notices: string[];
  /** Finished runs, in the order they finished. */
  rows: StudyRow[];
  progress: StudyProgress | null;
  status: StudyStatus;
  error: string | null;
  /** Workers the run uses (or the next run will). */
  workers: number;
  /** Whether the next run uses every core the browser offers (none left for the page). */
  allCores: boolean;
}

export interface StudyRunner {
  getState(): StudyRunState;
  subscribe(listener: () => void): () => void;
  setText(text: string): void;
  /** Runs the study the text describes (cancelling one in progress first). */
  start(): void;
  /** Use every core for the next run (true) or leave one for the page (false, the default). */
  setAllCores(all: boolean): void;
  cancel(): void;
  /** Shows the results of a study JSON file (an export, or `npm run study --json`); false if unreadable. */
  load(text: string): boolean;
}

export function createStudyRunner(options: {
  createRunner: () => CellRunner;
  /** Workers by default: the cores less one for the page. */
  workers: number;
  /** Workers with "all cores" on (at least `workers`). */
  allWorkers?: number;
  now: () => number;
}): StudyRunner {
  const workersFor = (all: boolean) =>
    all ? Math.max(options.workers, options.allWorkers ?? options.workers) : options.workers;
  let state: StudyRunState = {
    text: encodeStudyLink(STUDIES[0]),
    study: null,
    notices: [],
    rows: [],
    progress: null,
    status: 'idle',
    error: null,
    workers: options.workers,
    allCores: false,
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<StudyRunState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  let controller: AbortController | null = null;

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setText: (text) => set({ text }),
    setAllCores(all) {
      // A run in progress keeps its workers; the count shown changes with the next run.
      set(state.status === 'running' ? { allCores: all } : { allCores: all, workers: workersFor(all) });
    },
    start() {
      controller?.abort();
      const run = new AbortController();
      controller = run;
      const { study, notices } = parseStudyText(state.text);
      const cells = studyCells(study);
      const workers = workersFor(state.allCores);
      set({ study, notices, rows: [], progress: null, status: 'running', error: null, workers });
      void runStudy({
        cells,
        jobs: workers,
        createRunner: options.createRunner,
        signal: run.signal,
        now: options.now,
        onRow: (row, progress) => {
          if (controller === run) set({ rows: [...state.rows, row], progress });
        },
      }).then((outcome) => {
        if (controller !== run) return;
        controller = null;
        set({ status: outcome.status, error: outcome.error });
      });
    },
    cancel() {
      controller?.abort();
    },
    load(text) {
      const file = readStudyFile(text, parseStudyText);
      if ('error' in file) {
        set({ notices: [file.error] });
        return false;
      }
      controller?.abort();
      controller = null;
      set({
        text: encodeStudyLink(file.study),
        study: file.study,
        notices: file.notices,
        rows: file.rows,
        progress: null,
        status: 'loaded',
        error: null,
      });
      return true;
    },
  };
}
