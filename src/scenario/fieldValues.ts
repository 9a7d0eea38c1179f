/**
 * Reading one field's value from untrusted input: numbers clamped to their limits, choices matched
 * without regard to case, flag sets filtered, text cleaned, own points decoded. Never throws; every
 * change is described in a notice. Shared by the scenario's restore and the compared run's overrides.
 */
import { decodePoints, encodePoints, MAX_OWN_CLASSES, MAX_OWN_POINTS } from '../core/points';
import type { ChoiceField, FlagsField, NumberField, Scenario, TextField } from './schema';
import { fieldOf } from './schema';

/** Shortens untrusted text for a notice. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > 24 ? `${text.slice(0, 24)}…` : text);
}

function readNumber(key: string, field: NumberField, raw: unknown, notices: string[]): number {
  const parsed =
    typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(parsed)) {
    notices.push(`${field.label} (${key}): ${quote(raw)} is not a number; using ${field.default}.`);
    return field.default;
  }
  let value = parsed;
  if (field.type === 'int' && !Number.isInteger(value)) {
    value = Math.round(value);
    notices.push(`${field.label} (${key}): ${parsed} is not a whole number; using ${value}.`);
  }
  if (value < field.min) {
    notices.push(`${field.label} (${key}): ${value} is below the minimum ${field.min}; using ${field.min}.`);
    return field.min;
  }
  if (value > field.max) {
    notices.push(`${field.label} (${key}): ${value} is above the maximum ${field.max}; using ${field.max}.`);
    return field.max;
  }
  return value;
}

function readChoice<T extends string>(
  key: string,
  field: ChoiceField<T>,
  raw: unknown,
  notices: string[],
): T {
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : null;
  const match = field.values.find((v) => v.toLowerCase() === text);
  if (match === undefined) {
    notices.push(
      `${field.label} (${key}): ${quote(raw)} is not one of ${field.values.join(', ')}; using ${field.default}.`,
    );
    return field.default;
  }
  return match;
}

/** A flag set from "a,b,c" or an array; unknown names are dropped, the result is in table order. */
function readFlags<T extends string>(
  key: string,
  field: FlagsField<T>,
  raw: unknown,
  notices: string[],
): readonly T[] {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : null;
  if (items === null) {
    notices.push(
      `${field.label} (${key}): ${quote(raw)} is not a list; using ${field.default.join(',') || 'none'}.`,
    );
    return field.default;
  }
  const names = new Set(items.map((item) => String(item).trim().toLowerCase()).filter((item) => item !== ''));
  const known = field.values.filter((v) => names.has(v.toLowerCase()));
  const unknown = [...names].filter((name) => !field.values.some((v) => v.toLowerCase() === name));
  if (unknown.length > 0) {
    notices.push(
      `${field.label} (${key}): ignored ${unknown
        .slice(0, 5)
        .map((u) => quote(u))
        .join(', ')}.`,
    );
  }
  return known;
}

/** Free text: control characters removed, cut to the field's length. */
function readText(key: string, field: TextField, raw: unknown, notices: string[]): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    notices.push(`${field.label} (${key}): ${quote(raw)} is not text; left empty.`);
    return field.default;
  }
  const isControl = (ch: string) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127;
  const text = [...String(raw)]
    .map((ch) => (isControl(ch) ? ' ' : ch))
    .join('')
    .trim();
  if (text.length <= field.maxLength) return text;
  notices.push(`${field.label} (${key}): cut to ${field.maxLength} characters.`);
  return text.slice(0, field.maxLength);
}

/**
 * Own points: their compact text, or (in scenario JSON) a list of [x, y, label]; kept in canonical
 * form, at most MAX_OWN_POINTS of them.
 */
function readPoints(raw: unknown, notices: string[]): string {
  let points: { x: Float32Array; y: Uint8Array } | null = null;
  if (typeof raw === 'string') points = decodePoints(raw.trim());
  else if (Array.isArray(raw)) {
    const rows = raw.filter(
      (r): r is [number, number, number] =>
        Array.isArray(r) && r.length >= 3 && r.every((v) => typeof v === 'number' && Number.isFinite(v)),
    );
    const labels = rows.map((r) => Math.min(MAX_OWN_CLASSES - 1, Math.max(0, Math.round(r[2]))));
    points = { x: Float32Array.from(rows.flatMap((r) => [r[0], r[1]])), y: Uint8Array.from(labels) };
    if (rows.length < raw.length)
      notices.push(
        `own points (pts): ${raw.length - rows.length} entries were not [x, y, label] and were dropped.`,
      );
  }
  if (!points) {
    notices.push(`own points (pts): ${quote(raw)} cannot be read as points; none were kept.`);
    return '';
  }
  const n = Math.min(points.y.length, MAX_OWN_POINTS);
  if (points.y.length > n)
    notices.push(`own points (pts): only the first ${MAX_OWN_POINTS} points were kept.`);
  return encodePoints(points.x.subarray(0, 2 * n), points.y.subarray(0, n));
}

/** One field's value from untrusted input, with notices for whatever had to change (not for overrides). */
export function readValue(key: keyof Scenario, raw: unknown, notices: string[]): unknown {
  const field = fieldOf(key);
  if (field.type === 'choice') return readChoice(key, field, raw, notices);
  if (field.type === 'flags') return readFlags(key, field, raw, notices);
  if (field.type === 'text') return readText(key, field, raw, notices);
  if (field.type === 'overrides') throw new Error('overrides are read by readOverrides');
  if (field.type === 'points') return readPoints(raw, notices);
  return readNumber(key, field, raw, notices);
}
