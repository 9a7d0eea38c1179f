/**
 * Turning untrusted input (a lesson file, pasted JSON, a lesson carried in a link) into a valid
 * lesson. Never throws: text is cut to its limit, extra steps and highlights dropped, unknown
 * highlight names and unreadable tasks removed, step links decoded and clamped like any link, and
 * every change is described in a notice. Only input with no usable step gives no lesson.
 */
import { encodeScenarioLink, decodeScenarioLink } from './link';
import type { Lesson, LessonQuestion, LessonRestoreResult, LessonStep, LessonTask } from './lesson';
import { LESSON_LIMITS, LESSON_VERSION } from './lesson';
import { readCondition } from './lessonConditionRestore';
import { isLessonTarget } from './lessonTargets';
import { quote } from './fieldValues';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Text with control characters replaced by spaces (newlines kept where `multiline`), trimmed and cut
 * to `max` characters; null when the input is not text.
 */
function readText(
  raw: unknown,
  max: number,
  where: string,
  notices: string[],
  multiline = false,
): string | null {
  if (typeof raw !== 'string') {
    if (raw !== undefined) notices.push(`${where}: ${quote(raw)} is not text.`);
    return null;
  }
  const text = [...raw.replaceAll('\r\n', '\n')]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return (code < 32 && !(multiline && ch === '\n')) || code === 127 ? ' ' : ch;
    })
    .join('')
    .trim();
  if (text.length <= max) return text;
  notices.push(`${where}: cut to ${max} characters.`);
  return text.slice(0, max);
}

/** A link name from a lesson's id or title: lower case, digits and dashes. */
export function lessonIdOf(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, LESSON_LIMITS.idLength)
      .replace(/-+$/, '') || 'lesson'
  );
}

function readOpen(raw: unknown, where: string, notices: string[]): string | null {
  if (raw === undefined || raw === null || raw === 'keep') return null;
  if (typeof raw !== 'string') {
    notices.push(`${where}: the scenario to open, ${quote(raw)}, is not a link; the current run is kept.`);
    return null;
  }
  const { scenario, notices: linkNotices, trained } = decodeScenarioLink(raw);
  for (const notice of linkNotices) notices.push(`${where}: ${notice}`);
  if (trained)
    notices.push(`${where}: trained weights in a step's link are not kept; the step trains from the seed.`);
  return encodeScenarioLink(scenario);
}

function readHighlight(raw: unknown, where: string, notices: string[]): string[] {
  if (raw === undefined) return [];
  const items = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null;
  if (items === null) {
    notices.push(`${where}: the parts to highlight, ${quote(raw)}, are not a list; none are highlighted.`);
    return [];
  }
  const names = [...new Set(items.filter((item): item is string => typeof item === 'string'))];
  const known = names.filter(isLessonTarget);
  const unknown = items.filter((item) => typeof item !== 'string' || !isLessonTarget(item));
  if (unknown.length > 0)
    notices.push(
      `${where}: ${unknown
        .slice(0, 3)
        .map((u) => quote(u))
        .join(', ')} cannot be highlighted (no such part of the page).`,
    );
  if (known.length > LESSON_LIMITS.highlights)
    notices.push(`${where}: only the first ${LESSON_LIMITS.highlights} parts are highlighted.`);
  return known.slice(0, LESSON_LIMITS.highlights);
}

function readTask(raw: unknown, where: string, notices: string[]): LessonTask | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    notices.push(`${where}: the task ${quote(raw)} is not a task; dropped.`);
    return null;
  }
  const text = readText(raw.text, LESSON_LIMITS.taskTextLength, `${where} task`, notices);
  const when = readCondition(raw.when, `${where} task`, notices);
  if (!text || !when) {
    notices.push(`${where}: the task needs a text and a condition; dropped.`);
    return null;
  }
  return { text, when };
}

function readQuestion(raw: unknown, where: string, notices: string[]): LessonQuestion | null {
  if (raw === undefined || raw === null) return null;
  const question = isObject(raw) ? raw : {};
  const text = readText(question.text, LESSON_LIMITS.questionLength, `${where} question`, notices, true);
  const answer = readText(question.answer, LESSON_LIMITS.answerLength, `${where} answer`, notices, true);
  if (!text || !answer) {
    notices.push(`${where}: a question needs a text and an answer; dropped.`);
    return null;
  }
  return { text, answer };
}

function readStep(raw: unknown, index: number, notices: string[]): LessonStep | null {
  const where = `Step ${index + 1}`;
  if (!isObject(raw)) {
    notices.push(`${where}: ${quote(raw)} is not a step; dropped.`);
    return null;
  }
  const title = readText(raw.title, LESSON_LIMITS.stepTitleLength, `${where} title`, notices);
  const text = readText(raw.text, LESSON_LIMITS.textLength, `${where} text`, notices, true);
  if (!title && !text) {
    notices.push(`${where}: it has neither a title nor a text; dropped.`);
    return null;
  }
  return {
    title: title || `Step ${index + 1}`,
    text: text ?? '',
    open: readOpen(raw.open, where, notices),
    highlight: readHighlight(raw.highlight, where, notices),
    task: readTask(raw.task, where, notices),
    question: readQuestion(raw.question, where, notices),
  };
}

/** Reads a lesson from any value; never throws. */
export function restoreLesson(input: unknown): LessonRestoreResult {
  const notices: string[] = [];
  if (!isObject(input))
    return { lesson: null, notices: ['The lesson is not a set of named parts; nothing was opened.'] };
  if (input.v !== undefined && Number(input.v) > LESSON_VERSION)
    notices.push(
      `This lesson was made by a newer version of the app (v=${quote(input.v)}); it was read as version ${LESSON_VERSION}.`,
    );
  if (!Array.isArray(input.steps) || input.steps.length === 0)
    return { lesson: null, notices: [...notices, 'The lesson has no steps; nothing was opened.'] };
  if (input.steps.length > LESSON_LIMITS.steps)
    notices.push(
      `The lesson has ${input.steps.length} steps; only the first ${LESSON_LIMITS.steps} are kept.`,
    );
  const steps = input.steps
    .slice(0, LESSON_LIMITS.steps)
    .map((step, i) => readStep(step, i, notices))
    .filter((step): step is LessonStep => step !== null);
  if (steps.length === 0)
    return {
      lesson: null,
      notices: [...notices, 'No step of the lesson could be read; nothing was opened.'],
    };
  const title = readText(input.title, LESSON_LIMITS.titleLength, 'Lesson title', notices) || 'A lesson';
  const rawId = typeof input.id === 'string' ? input.id : title;
  const id = lessonIdOf(rawId);
  if (typeof input.id === 'string' && id !== input.id)
    notices.push(`Lesson name ${quote(input.id)}: written ${quote(id)}.`);
  const summary = readText(input.summary, LESSON_LIMITS.summaryLength, 'Lesson summary', notices) ?? '';
  const lesson: Lesson = { v: LESSON_VERSION, id, title, summary, steps };
  return { lesson, notices };
}

/**
 * A lesson as its file holds it: the step links as written, "keep" for a step that keeps the run,
 * and empty parts left out. restoreLesson reads it back to the same lesson.
 */
export function lessonToJson(lesson: Lesson): Raw {
  return {
    v: lesson.v,
    id: lesson.id,
    title: lesson.title,
    summary: lesson.summary,
    steps: lesson.steps.map((step) => ({
      title: step.title,
      text: step.text,
      open: step.open ?? 'keep',
      ...(step.highlight.length > 0 ? { highlight: step.highlight } : {}),
      ...(step.task ? { task: step.task } : {}),
      ...(step.question ? { question: step.question } : {}),
    })),
  };
}
