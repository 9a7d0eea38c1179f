/**
 * Guided lessons: an ordered list of steps told on the live lab. Each step has a title, a short text
 * (plain text with `$…$` formulas), the scenario to open (or none: keep the current run), the
 * controls and read-outs to light up (their `data-tour` names, see lessonTargets.ts), an optional
 * task the app checks live, and an optional question with an answer to reveal. Built-in lessons are
 * data files in lessons/*.json; restoreLesson (lessonRestore.ts) reads any of them, or a user's.
 */
import { METRIC_NAMES } from '../core/snapshot';
import type { ComparableKey, Scenario } from './schema';

/** The current lesson format version (the key `v` of a lesson file). */
export const LESSON_VERSION = 1;

/** Bounds of a lesson: longer text is cut and extra items dropped, each with a notice. */
export const LESSON_LIMITS = {
  /** Link names: lower-case letters, digits and dashes. */
  idLength: 40,
  titleLength: 80,
  summaryLength: 300,
  steps: 30,
  stepTitleLength: 80,
  textLength: 1500,
  highlights: 8,
  taskTextLength: 200,
  questionLength: 400,
  answerLength: 800,
  /** Conditions joined by one `all`. */
  allConditions: 4,
  factNameLength: 40,
} as const;

/** How a value is compared; `has` and `lacks` test a flag set (e.g. the layers shown). */
export type LessonOp = '<' | '<=' | '>' | '>=' | '=' | '!=' | 'has' | 'lacks';
export const NUMBER_OPS: readonly LessonOp[] = ['<', '<=', '>', '>=', '=', '!='];
export const CHOICE_OPS: readonly LessonOp[] = ['=', '!='];
export const FLAG_OPS: readonly LessonOp[] = ['has', 'lacks'];

/**
 * Live read-outs a task can wait for: the latest step, the run's losses and accuracies (fractions,
 * 0.9 is 90%), C, λ, the penalty weight the next step uses, and the least-action measures.
 */
export const LESSON_METRICS = [
  'step',
  // The snapshot's own metrics (trainLoss, trainAccuracy, testLoss, testAccuracy, kineticCost,
  // lambda, weight), then the transport measures.
  ...METRIC_NAMES,
  'otRatio',
  'straightness',
  'efficiency',
  'monotonicityViolations',
] as const;
export type LessonMetric = (typeof LESSON_METRICS)[number];

/** A condition that is true or false at any moment of the page. */
export type LessonCondition =
  /** A scenario setting compared with a value (numbers, choices; `has`/`lacks` for flag sets). */
  | { kind: 'field'; field: keyof Scenario; op: LessonOp; value: number | string }
  /** A live read-out of the scenario's run (`a`) or of the compared run (`b`). */
  | { kind: 'metric'; metric: LessonMetric; run: 'a' | 'b'; op: LessonOp; value: number }
  /** The depth shown, as a fraction of K: 0 is the input, 1 the output. */
  | { kind: 'depth'; min: number; max: number }
  /** Compare mode on, with run A and run B holding the given settings. */
  | {
      kind: 'compare';
      a: Partial<Record<ComparableKey, string | number>>;
      b: Partial<Record<ComparableKey, string | number>>;
    }
  /** Training stopped after at least one step. */
  | { kind: 'paused' }
  /** Training running. */
  | { kind: 'training' }
  /**
   * A named fact offered by a part of the app (e.g. the training history or the studies, as they
   * come): the task is checked where the page offers the fact and says so where it does not.
   */
  | { kind: 'fact'; fact: string; op: LessonOp; value: number | string | boolean }
  /** Every one of a few conditions at once. */
  | { kind: 'all'; of: LessonCondition[] };

export interface LessonTask {
  /** What to do, e.g. "Drag the penalty weight above 0.3." */
  text: string;
  when: LessonCondition;
}

export interface LessonQuestion {
  text: string;
  answer: string;
}

export interface LessonStep {
  title: string;
  /** Plain text; blank lines separate paragraphs, `$…$` and `$$…$$` hold TeX formulas. */
  text: string;
  /** The scenario to open, as a canonical link; null keeps the current run. */
  open: string | null;
  /** `data-tour` names of the controls and read-outs to light up. */
  highlight: string[];
  task: LessonTask | null;
  question: LessonQuestion | null;
}

export interface Lesson {
  v: number;
  /** The link name (`lesson=ID`); a built-in lesson's file is lessons/ID.json. */
  id: string;
  title: string;
  /** One or two sentences for the list of lessons. */
  summary: string;
  steps: LessonStep[];
}

/** A read lesson (null when nothing usable was found) and what had to change. */
export interface LessonRestoreResult {
  lesson: Lesson | null;
  notices: string[];
}

/**
 * The step whose scenario a step runs on: itself when it opens one, else the nearest earlier step
 * that does; -1 when none up to it opens a scenario.
 */
export function scenarioStepOf(lesson: Lesson, index: number): number {
  for (let i = Math.min(index, lesson.steps.length - 1); i >= 0; i--) {
    if (lesson.steps[i].open !== null) return i;
  }
  return -1;
}
