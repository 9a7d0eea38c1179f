/**
 * Compare mode: a second run beside the scenario's own, on the same data and initial weights,
 * differing in the settings listed in the scenario's `vs` field ("penalty:off,lr:0.003", keys from
 * COMPARABLE_KEYS in table order).
 */
import { quote, readValue } from './fieldValues';
import type { ComparableKey, Scenario } from './schema';
import { COMPARABLE_KEYS, FIELDS, SCENARIO_KEYS } from './schema';

export type Overrides = Partial<Pick<Scenario, ComparableKey>>;

/** Canonical text of overrides: table order, values written as in links. */
export function encodeOverrides(overrides: Partial<Scenario>): string {
  return SCENARIO_KEYS.filter((key) => overrides[key] !== undefined)
    .map((key) => `${key}:${String(overrides[key])}`)
    .join(',');
}

/**
 * Reads untrusted "key:value,..." text into its canonical form, allowing only `allowed` keys; pairs
 * that are malformed, name another key, or repeat a key are dropped, values are clamped like any link
 * value, and each change is reported after `context` (e.g. "second run (vs)").
 */
export function readSettingsList(
  raw: string,
  allowed: readonly (keyof Scenario)[],
  context: string,
  notices: string[],
): string {
  const overrides: Record<string, unknown> = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const colon = pair.indexOf(':');
    const key = colon > 0 ? pair.slice(0, colon).trim() : '';
    if (!(allowed as readonly string[]).includes(key)) {
      notices.push(`${context}: ignored ${quote(pair)}: only ${allowed.join(', ')} may differ.`);
      continue;
    }
    if (Object.hasOwn(overrides, key))
      notices.push(`${context}: ${key} was given more than once; the last value counts.`);
    overrides[key] = readValue(key as keyof Scenario, pair.slice(colon + 1).trim(), notices);
  }
  return encodeOverrides(overrides as Partial<Scenario>);
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
  return readSettingsList(raw, COMPARABLE_KEYS, `${FIELDS.vs.label} (vs)`, notices);
}

/** The settings of canonical "key:value,..." text whose keys are in `allowed`. */
export function parseSettingsList(text: string, allowed: readonly (keyof Scenario)[]): Partial<Scenario> {
  const notices: string[] = [];
  const overrides: Record<string, unknown> = {};
  for (const pair of text.split(',').filter((p) => p !== '')) {
    const colon = pair.indexOf(':');
    const key = pair.slice(0, colon);
    if ((allowed as readonly string[]).includes(key))
      overrides[key] = readValue(key as keyof Scenario, pair.slice(colon + 1), notices);
  }
  return overrides as Partial<Scenario>;
}

/** The overrides of canonical text (as kept in a restored scenario). */
export function parseOverrides(text: string): Overrides {
  return parseSettingsList(text, COMPARABLE_KEYS) as Overrides;
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
