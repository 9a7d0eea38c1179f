/**
 * Turning untrusted input (a link, a JSON file, a hand-edited URL) into a valid scenario. Never
 * throws: unknown keys are dropped, bad values replaced by defaults, numbers clamped to their limits,
 * and every change is described in a notice for the user.
 */
import type { Scenario } from './schema';
import { readOverrides } from './compare';
import { quote, readValue } from './fieldValues';
import { FIELDS, SCENARIO_KEYS, SCENARIO_VERSION, defaultScenario } from './schema';

/** A valid scenario and what had to be changed to make it. */
export interface RestoreResult {
  scenario: Scenario;
  /** One sentence per change made to the input; empty when it was valid as given. */
  notices: string[];
}

/**
 * Defaults that changed in a format version, with the values an older scenario had, so that its run
 * stays as it was: a version-1 scenario was made before gradient clipping and at a learning rate of
 * 0.01 by default.
 */
const DEFAULTS_BEFORE_VERSION: Readonly<Record<number, Partial<Scenario>>> = { 2: { clip: 0, lr: 0.01 } };

/** Notices about unknown keys beyond this many are summarised in one line. */
const MAX_UNKNOWN_KEY_NOTICES = 5;

/**
 * Restores a scenario from any value: a plain object of scenario keys to numbers or strings is read
 * field by field; anything else gives the default scenario with a notice.
 */
export function restoreScenario(input: unknown): RestoreResult {
  const notices: string[] = [];
  const scenario = defaultScenario();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    notices.push('The scenario is not a set of named settings; the default scenario is used.');
    return { scenario, notices };
  }
  const raw = input as Record<string, unknown>;
  const known = new Set<string>(SCENARIO_KEYS);
  const unknown = Object.keys(raw).filter((k) => !known.has(k));
  for (const key of unknown.slice(0, MAX_UNKNOWN_KEY_NOTICES))
    notices.push(`Ignored unknown setting ${quote(key)}.`);
  if (unknown.length > MAX_UNKNOWN_KEY_NOTICES) {
    notices.push(`Ignored ${unknown.length - MAX_UNKNOWN_KEY_NOTICES} more unknown settings.`);
  }
  if (raw.v !== undefined && Number(raw.v) > SCENARIO_VERSION) {
    notices.push(
      `This scenario was made by a newer version of the app (v=${quote(raw.v)}); it was read as version ${SCENARIO_VERSION}.`,
    );
  }
  const target = scenario as unknown as Record<string, unknown>;
  // A scenario without `v` is read as the current version (a link typed by hand).
  const version = raw.v === undefined ? SCENARIO_VERSION : Number(raw.v);
  for (const [changed, values] of Object.entries(DEFAULTS_BEFORE_VERSION)) {
    if (version < Number(changed)) Object.assign(target, values);
  }
  for (const key of SCENARIO_KEYS) {
    if (!Object.hasOwn(raw, key) || raw[key] === undefined) continue;
    if (key === 'v') continue;
    target[key] =
      FIELDS[key].type === 'overrides' ? readOverrides(raw[key], notices) : readValue(key, raw[key], notices);
  }
  return { scenario, notices };
}
