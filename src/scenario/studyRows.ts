/**
 * A study's results: one row per run, with the keys `npm run train --json` prints for the same link,
 * plus the swept value, the arm and the seed; as CSV (one line per run) and as JSON.
 */
import type { Study } from './study';
import { encodeStudyLink } from './studyLink';

/** The measured numbers of one run, under the CLI's own keys. */
export interface RunNumbers {
  steps: number;
  trainAccuracy: number;
  testAccuracy: number;
  trainLoss: number;
  testLoss: number;
  C: number;
  lambda: number;
  /** The transport measures: null when not measured (a diverged run). */
  otRatio: number | null;
  straightness: number | null;
  efficiency: number | null;
  W2sq: number | null;
  S: number | null;
  action: number | null;
  monotonicityViolations: number | null;
  /** sum_k W2^2(mu_k, mu_{k+1}) / sum_k h^2 E_k: how close each block's own pairing is to optimal. */
  blockOtRatio: number | null;
  /** Wall time of the training steps, seconds. */
  seconds: number;
}

export interface StudyRow extends RunNumbers {
  /** The swept setting's value, as link text. */
  value: string;
  arm: string;
  seed: number;
  /** The run's canonical share link. */
  link: string;
  /** Null, or where a value became infinite or not a number. */
  diverged: string | null;
}

/** The numeric keys of a row, in CSV order. */
export const RUN_NUMBER_KEYS = [
  'steps',
  'trainAccuracy',
  'testAccuracy',
  'trainLoss',
  'testLoss',
  'C',
  'lambda',
  'otRatio',
  'straightness',
  'efficiency',
  'W2sq',
  'S',
  'action',
  'monotonicityViolations',
  'blockOtRatio',
  'seconds',
] as const satisfies readonly (keyof RunNumbers)[];

/** Keys added to the rows after their first version: missing in older files, read as null. */
const ADDED_KEYS: ReadonlySet<string> = new Set<keyof RunNumbers>(['blockOtRatio']);

/** Picks a run's numbers out of a larger object (such as the CLI's output). */
export function runNumbers(source: RunNumbers): RunNumbers {
  const out: Record<string, number | null> = {};
  for (const key of RUN_NUMBER_KEYS) out[key] = source[key];
  return out as unknown as RunNumbers;
}

const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** One header line (the swept setting's key names the value column), then one line per run. */
export function studyCsv(study: Study, rows: readonly StudyRow[]): string {
  const header = [study.sweep, 'arm', 'seed', 'link', ...RUN_NUMBER_KEYS, 'diverged'];
  const lines = rows.map((row) =>
    [
      row.value,
      row.arm,
      String(row.seed),
      row.link,
      ...RUN_NUMBER_KEYS.map((key) => String(row[key] ?? '')),
      row.diverged ?? '',
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** The study's link, what it sweeps, and every row. */
export function studyJson(study: Study, rows: readonly StudyRow[]) {
  return {
    study: encodeStudyLink(study),
    name: study.name,
    title: study.title,
    sweep: study.sweep,
    values: study.values,
    arms: study.arms,
    seeds: study.seeds,
    steps: study.steps,
    rows,
  };
}

/**
 * Reads a study JSON file (as written by studyJson: the page's export or `npm run study --json`)
 * back into its study and rows; rows that are not a run of the study are dropped and counted.
 */
export function readStudyFile(
  text: string,
  parseStudy: (text: string) => { study: Study; notices: string[] },
): { study: Study; rows: StudyRow[]; notices: string[] } | { error: string } {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { error: 'The file is not JSON.' };
  }
  const raw = file as { study?: unknown; rows?: unknown };
  if (typeof raw !== 'object' || raw === null || typeof raw.study !== 'string' || !Array.isArray(raw.rows)) {
    return { error: 'The file is not a study’s results (it needs "study", a link, and "rows").' };
  }
  const { study, notices } = parseStudy(raw.study);
  const isRun = (r: unknown): r is StudyRow => {
    const row = r as Record<string, unknown>;
    return (
      typeof row === 'object' &&
      row !== null &&
      study.values.includes(String(row.value)) &&
      study.arms.some((a) => a.label === row.arm) &&
      Number.isInteger(row.seed) &&
      typeof row.link === 'string' &&
      RUN_NUMBER_KEYS.every(
        (k) => row[k] === null || typeof row[k] === 'number' || (ADDED_KEYS.has(k) && row[k] === undefined),
      )
    );
  };
  const added = Object.fromEntries([...ADDED_KEYS].map((k) => [k, null]));
  const rows = raw.rows
    .filter(isRun)
    .map((r) => ({ ...added, ...r, value: String(r.value), diverged: r.diverged ?? null }));
  const skipped = raw.rows.length - rows.length;
  if (skipped > 0)
    notices.push(
      skipped === 1
        ? '1 row is not a run of this study and was skipped.'
        : `${skipped} rows are not runs of this study and were skipped.`,
    );
  return { study, rows, notices };
}
