/**
 * Share links: the scenario as URL parameters with readable keys, e.g.
 * `#v=2&data=moons&n=30&noise=0.25&K=10&penalty=lap`. Canonical links hold only non-default values,
 * in the order of FIELDS, with `v` first. The same text works after `#` or `?`, as a whole URL, or
 * bare, in the app and in the CLI.
 */
import type { RestoreResult } from './restore';
import type { TrainedKey, TrainedParams } from './trainedState';
import { TRAINED_KEYS } from './trainedState';
import { isLessonLinkKey } from './lessonLinkKeys';
import { restoreScenario } from './restore';
import type { Scenario } from './schema';
import { FIELDS, SCENARIO_KEYS, defaultScenario, sameValue } from './schema';

/** Longer links are refused rather than parsed (they cannot come from the app). */
export const MAX_LINK_LENGTH = 16_384;

/** The canonical parameter string of a scenario (without a leading `#`). */
export function encodeScenarioLink(scenario: Scenario): string {
  const defaults = defaultScenario();
  const params = new URLSearchParams();
  for (const key of SCENARIO_KEYS) {
    if (key === 'v' || !sameValue(key, scenario[key], defaults[key])) params.set(key, String(scenario[key]));
  }
  // URLSearchParams escapes "/" in "1/K", "," in lists and ":" in overrides; all are legal in a
  // fragment and easier to read and type.
  return params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',').replaceAll('%3A', ':');
}

/** The parameter part of a link: after `#` if there is one, else after `?`, else the whole text. */
function parameterText(text: string): string {
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash + 1);
  const query = text.indexOf('?');
  return query >= 0 ? text.slice(query + 1) : text;
}

/** A decoded link: the scenario, notices, and the raw trained state if the link carries one. */
export interface LinkResult extends RestoreResult {
  trained: TrainedParams | null;
}

/** Reads a link (whole URL, `#...`, `?...` or bare parameters) into a valid scenario; never throws. */
export function decodeScenarioLink(text: string): LinkResult {
  if (text.length > MAX_LINK_LENGTH) {
    return {
      scenario: defaultScenario(),
      notices: [
        `The link is ${text.length} characters long (the limit is ${MAX_LINK_LENGTH}); it was ignored.`,
      ],
      trained: null,
    };
  }
  const raw: Record<string, string> = {};
  const trained: TrainedParams = {};
  const repeated = new Set<string>();
  for (const [key, value] of new URLSearchParams(parameterText(text).trim())) {
    if ((TRAINED_KEYS as readonly string[]).includes(key)) {
      trained[key as TrainedKey] = value;
      continue;
    }
    // A lesson being followed travels beside the scenario (lessonLink.ts reads it).
    if (isLessonLinkKey(key)) continue;
    if (Object.hasOwn(raw, key)) repeated.add(key);
    raw[key] = value;
  }
  const result = restoreScenario(raw);
  for (const key of repeated) {
    if (Object.hasOwn(FIELDS, key))
      result.notices.push(`${key} was given more than once; the last value counts.`);
  }
  return { ...result, trained: trained.w === undefined ? null : trained };
}

/**
 * Reads a scenario from text as a user would paste it: JSON (an object of scenario keys) or a link.
 * Never throws.
 */
export function parseScenarioText(text: string): LinkResult {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return decodeScenarioLink(trimmed);
  try {
    return { ...restoreScenario(JSON.parse(trimmed)), trained: null };
  } catch {
    const result = restoreScenario({});
    result.notices.unshift(
      'The scenario text looks like JSON but could not be parsed; the default scenario is used.',
    );
    return { ...result, trained: null };
  }
}
