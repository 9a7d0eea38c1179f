/**
 * Lessons in links and files. A link follows a lesson with `lesson=NAME&step=N` (and `answers=off`
 * for a class) beside the scenario's own keys; a lesson that is not built in travels in the link
 * itself as `lesson=~DATA`: its JSON, deflated and base64url-encoded like trained weights. Reading
 * never throws: bad input gives notices and no lesson.
 */
import { fromBase64Url, toBase64Url } from '../core/base64url';
import type { Lesson, LessonRestoreResult } from './lesson';
import { isLessonLinkKey } from './lessonLinkKeys';
import { lessonToJson, restoreLesson } from './lessonRestore';
import { MAX_LINK_LENGTH } from './link';
import { quote } from './fieldValues';
import { pipe } from './trainedState';

/** A lesson's place as a link gives it. */
export interface LessonLinkParams {
  /** A built-in lesson's name, or `~` and a compressed lesson. */
  lesson: string;
  /** 0-based index of the step shown. */
  step: number;
  /** False when the link hides the answers (a teacher's link for a class). */
  answers: boolean;
}

/** Compressed lessons above this many characters are refused (the whole link has MAX_LINK_LENGTH). */
export const MAX_LESSON_DATA_LENGTH = 12_000;
/** Lesson JSON above this many bytes is refused however well it compresses. */
const MAX_LESSON_JSON_BYTES = 65_536;

function fragmentOf(text: string): string {
  const hash = text.indexOf('#');
  return hash >= 0 ? text.slice(hash + 1) : text;
}

/** The lesson keys of a link (`#…`, a whole URL, or bare parameters), or null when it has none. */
export function readLessonParams(text: string): { params: LessonLinkParams | null; notices: string[] } {
  const search = new URLSearchParams(fragmentOf(text));
  const lesson = search.get('lesson');
  if (lesson === null || lesson.trim() === '') return { params: null, notices: [] };
  const notices: string[] = [];
  const rawStep = search.get('step');
  let step = 0;
  if (rawStep !== null) {
    const n = Number(rawStep);
    if (Number.isInteger(n) && n >= 1) step = n - 1;
    else notices.push(`Lesson step (step): ${quote(rawStep)} is not a step number; starting at step 1.`);
  }
  const rawAnswers = search.get('answers');
  if (rawAnswers !== null && rawAnswers !== 'on' && rawAnswers !== 'off')
    notices.push(`Lesson answers (answers): ${quote(rawAnswers)} is not on or off; the answers are shown.`);
  return { params: { lesson: lesson.trim(), step, answers: rawAnswers !== 'off' }, notices };
}

/** The lesson keys of a link as link text (`&lesson=…&step=…`), or '' when it has none. */
export function lessonLinkSuffix(text: string): string {
  return [...new URLSearchParams(fragmentOf(text))]
    .filter(([key]) => isLessonLinkKey(key))
    .map(([key, value]) => `&${key}=${encodeURIComponent(value)}`)
    .join('');
}

/** A fragment (`#…`) with its lesson keys replaced by `params` (removed when null). */
export function withLessonParams(hash: string, params: LessonLinkParams | null): string {
  const scenarioPart = [...new URLSearchParams(fragmentOf(hash))].filter(([key]) => !isLessonLinkKey(key));
  const base = new URLSearchParams(scenarioPart)
    .toString()
    .replaceAll('%2F', '/')
    .replaceAll('%2C', ',')
    .replaceAll('%3A', ':');
  if (!params) return `#${base}`;
  const lesson = `lesson=${encodeURIComponent(params.lesson)}&step=${params.step + 1}${params.answers ? '' : '&answers=off'}`;
  return `#${base ? `${base}&` : ''}${lesson}`;
}

/** A lesson as the text of `lesson=~…`: its JSON, deflated, in base64url, after a `~`. */
export async function encodeLessonData(lesson: Lesson): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(lessonToJson(lesson)));
  return `~${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** Reads the text of `lesson=~…` into a lesson; never throws. */
export async function decodeLessonData(text: string): Promise<LessonRestoreResult> {
  const fail = (why: string): LessonRestoreResult => ({
    lesson: null,
    notices: [`The lesson in the link ${why}; no lesson was opened.`],
  });
  const data = text.startsWith('~') ? text.slice(1) : text;
  if (data.length > MAX_LESSON_DATA_LENGTH)
    return fail(`is ${data.length} characters long (the limit is ${MAX_LESSON_DATA_LENGTH})`);
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length === 0) return fail('is not valid base64url');
  let json: Uint8Array;
  try {
    json = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    return fail('could not be decompressed (it may have been cut short)');
  }
  if (json.length > MAX_LESSON_JSON_BYTES) return fail(`unpacks to more than ${MAX_LESSON_JSON_BYTES} bytes`);
  return parseLessonJson(new TextDecoder().decode(json));
}

/** Reads lesson JSON text; never throws. */
export function parseLessonJson(text: string): LessonRestoreResult {
  if (text.length > MAX_LESSON_JSON_BYTES)
    return {
      lesson: null,
      notices: [`The lesson is longer than ${MAX_LESSON_JSON_BYTES} characters; nothing was opened.`],
    };
  try {
    return restoreLesson(JSON.parse(text));
  } catch {
    return { lesson: null, notices: ['The lesson is not valid JSON; nothing was opened.'] };
  }
}

/** The link that opens a lesson at a step: a built-in one by name, any other carried whole. */
export async function lessonLink(
  lesson: Lesson,
  step: number,
  answers: boolean,
  builtIn: boolean,
  scenarioHash = '',
): Promise<{ hash: string; tooLong: boolean }> {
  const name = builtIn ? lesson.id : await encodeLessonData(lesson);
  const hash = withLessonParams(scenarioHash, { lesson: name, step, answers });
  return { hash, tooLong: hash.length > MAX_LINK_LENGTH || name.length > MAX_LESSON_DATA_LENGTH + 1 };
}
