/**
 * Compare mode: a second run beside the scenario's own, on the same data and initial weights,
 * differing in the settings listed in the scenario's `vs` field ("penalty:off,lr:0.003", keys from
 * COMPARABLE_KEYS in table order).
 */
import { quote, readValue } from './fieldValues';
import type { ComparableKey, Scenario } from './schema';
import { COMPARABLE_KEYS, FIELDS, SCENARIO_KEYS } from './schema';

export type Overrides = Partial<Pick<Scenario, ComparableKey>>;

const isComparable = (key: string): key is ComparableKey =>
  (COMPARABLE_KEYS as readonly string[]).includes(key);

/** Canonical text of overrides: table order, values written as in links. */
export function encodeOverrides(overrides: Overrides): string {
  return SCENARIO_KEYS.filter(
    (key): key is ComparableKey => isComparable(key) && overrides[key as ComparableKey] !== undefined,
  )
    .map((key) => `${key}:${String(overrides[key])}`)
    .join(',');
}

/**
 * Reads untrusted overrides text into its canonical form; pairs that are malformed, name a key that
 * may not differ, or repeat a key are dropped, values are clamped like any link value, and each
 * change is reported.
 */
export function readOverrides(raw: unknown, notices: string[]): string {
  if (typeof raw !== 'string') {
    notices.push(`${FIELDS.vs.label} (vs): ${quote(raw)} is not a list of settings; no second run.`);
    return '';
  }
  const overrides: Record<string, unknown> = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const colon = pair.indexOf(':');
    const key = colon > 0 ? pair.slice(0, colon).trim() : '';
    if (!isComparable(key)) {
      notices.push(
        `${FIELDS.vs.label} (vs): ignored ${quote(pair)}: only ${COMPARABLE_KEYS.join(', ')} may differ.`,
      );
      continue;
    }
    if (Object.hasOwn(overrides, key))
      notices.push(`${FIELDS.vs.label} (vs): ${key} was given more than once; the last value counts.`);
    overrides[key] = readValue(key, pair.slice(colon + 1).trim(), notices);
  }
  return encodeOverrides(overrides as Overrides);
}

/** The overrides of canonical text (as kept in a restored scenario). */
export function parseOverrides(text: string): Overrides {
  const notices: string[] = [];
  const overrides: Record<string, unknown> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const colon = pair.indexOf(':');
    const key = pair.slice(0, colon);
    if (isComparable(key)) overrides[key] = readValue(key, pair.slice(colon + 1), notices);
  }
  return overrides as Overrides;
}

/** The second run's scenario, or null when compare mode is off. */
export function comparedScenario(scenario: Scenario): Scenario | null {
  if (scenario.cmp !== 'on') return null;
  return { ...scenario, ...parseOverrides(scenario.vs), cmp: 'off', vs: '' };
}

/** The overrides that make the usual comparison: the scenario's penalty against its opposite. */
export function defaultOverrides(scenario: Scenario): string {
  return encodeOverrides({ penalty: scenario.penalty === 'off' ? 'lap' : 'off' });
}
