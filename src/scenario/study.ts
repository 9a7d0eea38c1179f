/**
 * A study: an experiment over many runs. A base scenario, one setting swept over a few values, the
 * arms (each a set of differences, as in compare mode), a number of seeds and the steps per run.
 * Every (value, arm, seed) cell is one run; for a seed, the runs of every arm (and of every value
 * that keeps the shapes) share the data and the initial weights, because both derive from the seed.
 * Restoring a study from untrusted input never throws: out-of-range values are clamped, bad ones
 * replaced, and each change is reported.
 */
import { readSettingsList } from './compare';
import { decodeScenarioLink } from './link';
import { quote, readValue } from './fieldValues';
import { restoreScenario } from './restore';
import type { Scenario } from './schema';
import { COMPARABLE_KEYS, FIELDS, SCENARIO_KEYS } from './schema';

/** Settings an arm may change: those of compare mode, plus the engine and the steps of its runs. */
export const ARM_KEYS = [
  ...COMPARABLE_KEYS,
  'engine',
  'steps',
] as const satisfies readonly (keyof Scenario)[];

/** Settings a study may sweep: everything a run depends on except its identity (seed, own points). */
export const SWEEP_KEYS = SCENARIO_KEYS.filter(
  (key) => FIELDS[key].scope !== 'view' && !['v', 'seed', 'pts', 'steps', 'pace'].includes(key),
);
export type SweepKey = (typeof SWEEP_KEYS)[number];

/** Bounds of a study, so that a link cannot ask for more than a page or a CLI can run. */
export const STUDY_LIMITS = {
  values: 12,
  arms: 4,
  seeds: 100,
  steps: 100_000,
  runs: 2400,
  nameLength: 40,
  labelLength: 24,
  titleLength: 80,
  captionLength: 400,
} as const;

/** One arm: a short label and its settings as canonical "key:value,..." text (ARM_KEYS only). */
export interface StudyArm {
  label: string;
  set: string;
}

export interface Study {
  /** Link name: lower-case letters, digits and hyphens. */
  name: string;
  title: string;
  /** What the study asks, in a sentence or two. */
  caption: string;
  /** The base scenario; its seed is the first seed, its own `steps` is replaced by the study's. */
  base: Scenario;
  sweep: SweepKey;
  /** The swept values, as canonical link text of the swept setting, in the given order, distinct. */
  values: string[];
  /** The first arm is the baseline of the paired comparisons. */
  arms: StudyArm[];
  /** Seeds base.seed, base.seed + 1, ... */
  seeds: number;
  /** Steps per run (an arm may set its own). */
  steps: number;
}

export interface StudyRestore {
  study: Study;
  notices: string[];
}

/** The arms a study has unless it says otherwise: no penalty, a fixed weight, least action. */
export const DEFAULT_ARMS: readonly StudyArm[] = [
  { label: 'off', set: 'penalty:off' },
  { label: 'fixed', set: 'penalty:fixed' },
  { label: 'least action', set: 'penalty:lap' },
];

const STUDY_DEFAULTS = { name: 'custom', sweep: 'n' as SweepKey, values: ['30'], seeds: 10, steps: 1000 };

const clean = (raw: unknown, max: number): string =>
  typeof raw === 'string'
    ? [...raw]
        .filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127)
        .join('')
        .trim()
        .slice(0, max)
    : '';

function readName(raw: unknown, notices: string[]): string {
  if (raw === undefined) return STUDY_DEFAULTS.name;
  const name = clean(raw, 1000)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, STUDY_LIMITS.nameLength);
  const result = name === '' ? STUDY_DEFAULTS.name : name;
  if (result !== raw) notices.push(`study name: ${quote(raw)} was written as ${quote(result)}.`);
  return result;
}

function readCount(label: string, raw: unknown, max: number, fallback: number, notices: string[]): number {
  if (raw === undefined) return fallback;
  const parsed =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(parsed)) {
    notices.push(`${label}: ${quote(raw)} is not a number; using ${fallback}.`);
    return fallback;
  }
  const min = label === 'seeds' ? 1 : 0;
  const value = Math.min(max, Math.max(min, Math.round(parsed)));
  if (value !== parsed)
    notices.push(`${label}: ${parsed} is not a whole number from ${min} to ${max}; using ${value}.`);
  return value;
}

function readSweep(raw: unknown, notices: string[]): SweepKey {
  if (raw === undefined) return STUDY_DEFAULTS.sweep;
  const key = typeof raw === 'string' ? raw.trim() : '';
  const match = SWEEP_KEYS.find((k) => k === key);
  if (match) return match;
  notices.push(`swept setting: ${quote(raw)} cannot be swept (one of ${SWEEP_KEYS.join(', ')}); using n.`);
  return STUDY_DEFAULTS.sweep;
}

function readValues(sweep: SweepKey, raw: unknown, notices: string[]): string[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (items === null) {
    if (raw !== undefined)
      notices.push(`values: ${quote(raw)} is not a list; using ${STUDY_DEFAULTS.values}.`);
    return [...STUDY_DEFAULTS.values];
  }
  const values: string[] = [];
  for (const item of items) {
    if (typeof item === 'string' && item.trim() === '') continue;
    const value = String(readValue(sweep, typeof item === 'string' ? item.trim() : item, notices));
    if (values.includes(value)) notices.push(`values: ${value} was given more than once; kept once.`);
    else values.push(value);
  }
  if (values.length > STUDY_LIMITS.values) {
    notices.push(`values: only the first ${STUDY_LIMITS.values} of ${values.length} were kept.`);
    values.length = STUDY_LIMITS.values;
  }
  if (values.length === 0) {
    notices.push(`values: none given; using ${FIELDS[sweep].default}.`);
    values.push(String(FIELDS[sweep].default));
  }
  return values;
}

/** Arms from [{label, set}] or "label(key:value,...);label(...)". */
function readArms(raw: unknown, notices: string[]): StudyArm[] {
  if (raw === undefined) return DEFAULT_ARMS.map((a) => ({ ...a }));
  let items: unknown[] | null = Array.isArray(raw) ? raw : null;
  if (typeof raw === 'string') {
    items = raw
      .split(';')
      .filter((part) => part.trim() !== '')
      .map((part) => {
        const match = /^\s*([^()]*)\(([^()]*)\)\s*$/.exec(part);
        return match ? { label: match[1], set: match[2] } : part;
      });
  }
  const arms: StudyArm[] = [];
  for (const item of items ?? []) {
    const entry = item as { label?: unknown; set?: unknown } | null;
    if (typeof entry !== 'object' || entry === null || typeof entry.set !== 'string') {
      notices.push(
        `arms: ignored ${quote(item)}: an arm is a label and its settings, e.g. off(penalty:off).`,
      );
      continue;
    }
    const label =
      clean(entry.label, STUDY_LIMITS.labelLength)
        .replace(/[();,]/g, ' ')
        .trim() || `arm ${arms.length + 1}`;
    if (label !== entry.label)
      notices.push(`arms: the label ${quote(entry.label)} was written as ${quote(label)}.`);
    if (arms.some((a) => a.label === label)) {
      notices.push(`arms: ${quote(label)} was given more than once; kept once.`);
      continue;
    }
    arms.push({ label, set: readSettingsList(entry.set, ARM_KEYS, `arm ${label}`, notices) });
  }
  if (arms.length > STUDY_LIMITS.arms) {
    notices.push(`arms: only the first ${STUDY_LIMITS.arms} of ${arms.length} were kept.`);
    arms.length = STUDY_LIMITS.arms;
  }
  if (arms.length === 0) {
    notices.push('arms: none could be read; using off, fixed and least action.');
    return DEFAULT_ARMS.map((a) => ({ ...a }));
  }
  return arms;
}

/** The base scenario from link text or an object of scenario keys; compare mode is dropped. */
function readBase(raw: unknown, notices: string[]): Scenario {
  const result = typeof raw === 'string' ? decodeScenarioLink(raw) : restoreScenario(raw ?? {});
  notices.push(...result.notices.map((n) => `base scenario: ${n}`));
  return { ...result.scenario, cmp: 'off', vs: '', steps: 0 };
}

/**
 * Restores a study from an object (a study file, or a decoded link's fields); never throws.
 * @param input `{name, title, caption, base, sweep, values, arms, seeds, steps}`, any of them missing;
 * `base` is link text or an object of scenario keys, `values` and `arms` lists or link text
 */
export function restoreStudy(input: unknown): StudyRestore {
  const notices: string[] = [];
  const raw =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : null;
  if (raw === null) notices.push('The study is not a set of named settings; the default study is used.');
  const fields = raw ?? {};
  const known = ['name', 'title', 'caption', 'base', 'sweep', 'values', 'arms', 'seeds', 'steps'];
  for (const key of Object.keys(fields)
    .filter((k) => !known.includes(k))
    .slice(0, 5))
    notices.push(`Ignored unknown study setting ${quote(key)}.`);
  const name = readName(fields.name, notices);
  const sweep = readSweep(fields.sweep, notices);
  const base = readBase(fields.base, notices);
  const study: Study = {
    name,
    title: clean(fields.title, STUDY_LIMITS.titleLength) || name,
    caption: clean(fields.caption, STUDY_LIMITS.captionLength),
    base,
    sweep,
    values: readValues(sweep, fields.values, notices),
    arms: readArms(fields.arms, notices),
    seeds: readCount('seeds', fields.seeds, STUDY_LIMITS.seeds, STUDY_DEFAULTS.seeds, notices),
    steps: readCount('steps', fields.steps, STUDY_LIMITS.steps, STUDY_DEFAULTS.steps, notices),
  };
  const runs = study.values.length * study.arms.length * study.seeds;
  if (runs > STUDY_LIMITS.runs) {
    const seeds = Math.max(1, Math.floor(STUDY_LIMITS.runs / (study.values.length * study.arms.length)));
    notices.push(
      `The study asks for ${runs} runs (the limit is ${STUDY_LIMITS.runs}); using ${seeds} seeds.`,
    );
    study.seeds = seeds;
  }
  return { study, notices };
}
