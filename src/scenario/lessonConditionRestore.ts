/**
 * Reading a lesson task's condition from untrusted input: kinds, fields, metrics and operators are
 * checked against what the app knows, values are read and clamped like link values, and every change
 * is reported. A condition that cannot be read becomes null (the task is dropped by the caller).
 */
import { quote, readValue } from './fieldValues';
import type { LessonCondition, LessonOp } from './lesson';
import { CHOICE_OPS, FLAG_OPS, LESSON_LIMITS, LESSON_METRICS, NUMBER_OPS } from './lesson';
import type { ComparableKey } from './schema';
import { COMPARABLE_KEYS, FIELDS, SCENARIO_KEYS } from './schema';

type Raw = Record<string, unknown>;

/** A link value read like readValue, with its notices said to be about this task. */
function readTaskValue(
  key: Parameters<typeof readValue>[0],
  raw: unknown,
  where: string,
  notices: string[],
): unknown {
  const own: string[] = [];
  const value = readValue(key, raw, own);
  for (const notice of own) notices.push(`${where}: ${notice}`);
  return value;
}

const isObject = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readOp(
  raw: unknown,
  allowed: readonly LessonOp[],
  where: string,
  notices: string[],
): LessonOp | null {
  const op = allowed.find((o) => o === raw);
  if (op === undefined) notices.push(`${where}: ${quote(raw)} is not one of ${allowed.join(' ')}.`);
  return op ?? null;
}

function readNumberValue(raw: unknown, where: string, notices: string[]): number | null {
  const value =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (Number.isFinite(value)) return value;
  notices.push(`${where}: ${quote(raw)} is not a number.`);
  return null;
}

function readFieldCondition(raw: Raw, where: string, notices: string[]): LessonCondition | null {
  const field = SCENARIO_KEYS.find((key) => key === raw.field);
  if (field === undefined || field === 'v') {
    notices.push(`${where}: ${quote(raw.field)} is not a scenario setting.`);
    return null;
  }
  const spec = FIELDS[field];
  const flags = spec.type === 'flags';
  const numeric = spec.type === 'int' || spec.type === 'float';
  const op = readOp(
    raw.op,
    flags ? FLAG_OPS : numeric ? NUMBER_OPS : CHOICE_OPS,
    `${where} (${field})`,
    notices,
  );
  if (op === null) return null;
  if (flags) {
    const values = (spec as { values: readonly string[] }).values;
    const flag = values.find((v) => v === raw.value);
    if (flag === undefined) {
      notices.push(`${where} (${field}): ${quote(raw.value)} is not one of ${values.join(', ')}.`);
      return null;
    }
    return { kind: 'field', field, op, value: flag };
  }
  const value = readTaskValue(field, raw.value, where, notices);
  return { kind: 'field', field, op, value: value as number | string };
}

function readSettings(
  raw: unknown,
  where: string,
  notices: string[],
): Partial<Record<ComparableKey, string | number>> {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    notices.push(`${where}: ${quote(raw)} is not a set of settings; ignored.`);
    return {};
  }
  const out: Partial<Record<ComparableKey, string | number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const comparable = COMPARABLE_KEYS.find((k) => k === key);
    if (comparable === undefined) {
      notices.push(`${where}: ignored ${quote(key)}: only ${COMPARABLE_KEYS.join(', ')} may differ.`);
      continue;
    }
    out[comparable] = readTaskValue(comparable, value, where, notices) as string | number;
  }
  return out;
}

function readFact(raw: Raw, where: string, notices: string[]): LessonCondition | null {
  const name = typeof raw.fact === 'string' ? raw.fact : '';
  if (!/^[a-z][a-zA-Z0-9.-]*$/.test(name) || name.length > LESSON_LIMITS.factNameLength) {
    notices.push(`${where}: ${quote(raw.fact)} is not a fact name.`);
    return null;
  }
  const value = raw.value;
  if (typeof value === 'boolean' || typeof value === 'string') {
    const op = readOp(raw.op ?? '=', CHOICE_OPS, where, notices);
    return (
      op && { kind: 'fact', fact: name, op, value: typeof value === 'string' ? value.slice(0, 80) : value }
    );
  }
  const number = readNumberValue(value, where, notices);
  const op = readOp(raw.op, NUMBER_OPS, where, notices);
  return number === null || op === null ? null : { kind: 'fact', fact: name, op, value: number };
}

/** Reads one condition (`all` may not nest); null when it cannot be used. */
export function readCondition(
  raw: unknown,
  where: string,
  notices: string[],
  nested = false,
): LessonCondition | null {
  if (!isObject(raw)) {
    notices.push(`${where}: ${quote(raw)} is not a condition.`);
    return null;
  }
  switch (raw.kind) {
    case 'field':
      return readFieldCondition(raw, where, notices);
    case 'metric': {
      const metric = LESSON_METRICS.find((m) => m === raw.metric);
      if (metric === undefined) {
        notices.push(`${where}: ${quote(raw.metric)} is not one of ${LESSON_METRICS.join(', ')}.`);
        return null;
      }
      const run = raw.run === undefined || raw.run === 'a' ? 'a' : raw.run === 'b' ? 'b' : null;
      if (run === null) notices.push(`${where}: run ${quote(raw.run)} is not a or b; using a.`);
      const op = readOp(raw.op, NUMBER_OPS, where, notices);
      const value = readNumberValue(raw.value, where, notices);
      return op === null || value === null ? null : { kind: 'metric', metric, run: run ?? 'a', op, value };
    }
    case 'depth': {
      const read = (v: unknown, fallback: number) => {
        const x = v === undefined ? fallback : readNumberValue(v, where, notices);
        return x === null ? fallback : Math.min(1, Math.max(0, x));
      };
      const min = read(raw.min, 0);
      const max = read(raw.max, 1);
      if (min > max) notices.push(`${where}: the depth range ${min}-${max} is empty; using ${max}-${min}.`);
      return { kind: 'depth', min: Math.min(min, max), max: Math.max(min, max) };
    }
    case 'compare':
      return {
        kind: 'compare',
        a: readSettings(raw.a, `${where} (run A)`, notices),
        b: readSettings(raw.b, `${where} (run B)`, notices),
      };
    case 'paused':
    case 'training':
      return { kind: raw.kind };
    case 'fact':
      return readFact(raw, where, notices);
    case 'all': {
      if (nested || !Array.isArray(raw.of)) {
        notices.push(
          `${where}: "all" needs a list of conditions${nested ? ' and cannot hold another "all"' : ''}.`,
        );
        return null;
      }
      if (raw.of.length > LESSON_LIMITS.allConditions)
        notices.push(`${where}: only the first ${LESSON_LIMITS.allConditions} conditions of "all" are kept.`);
      const of = raw.of
        .slice(0, LESSON_LIMITS.allConditions)
        .map((c, i) => readCondition(c, `${where}, condition ${i + 1}`, notices, true))
        .filter((c): c is LessonCondition => c !== null);
      return of.length > 0 ? { kind: 'all', of } : null;
    }
    default:
      notices.push(
        `${where}: ${quote(raw.kind)} is not a kind of task (field, metric, depth, compare, paused, training, fact, all).`,
      );
      return null;
  }
}
