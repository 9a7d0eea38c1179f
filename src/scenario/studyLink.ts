/**
 * Study links: the study's own keys (`study`, `sweep`, `values`, `arms`, `seeds`, `steps`) followed
 * by the base scenario's canonical link, e.g.
 * `study=low-data-moons&sweep=n&values=10,30,100&arms=off(penalty:off);least action(penalty:lap)&seeds=20&steps=1500&v=2&noise=0.25&K=10`.
 * The base's seed is the first seed; its own `steps` is the study's. Decoding never throws.
 */
import { decodeScenarioLink, encodeScenarioLink, MAX_LINK_LENGTH } from './link';
import type { Study, StudyRestore } from './study';
import { restoreStudy } from './study';

const STUDY_KEYS = ['study', 'sweep', 'values', 'arms', 'seeds', 'steps'] as const;

/** The canonical link of a study (parameters only, without a leading `#`). */
export function encodeStudyLink(study: Study): string {
  const params = new URLSearchParams();
  params.set('study', study.name);
  params.set('sweep', study.sweep);
  params.set('values', study.values.join(','));
  params.set('arms', study.arms.map((arm) => `${arm.label}(${arm.set})`).join(';'));
  params.set('seeds', String(study.seeds));
  params.set('steps', String(study.steps));
  const own = params
    .toString()
    .replaceAll('%2F', '/')
    .replaceAll('%2C', ',')
    .replaceAll('%3A', ':')
    .replaceAll('%28', '(')
    .replaceAll('%29', ')')
    .replaceAll('%3B', ';');
  return `${own}&${encodeScenarioLink({ ...study.base, steps: 0 })}`;
}

/** The parameters of a link: after `#` if any, else after `?`, else the whole text. */
function parameterText(text: string): string {
  const hash = text.indexOf('#');
  if (hash >= 0) return text.slice(hash + 1);
  const query = text.indexOf('?');
  return query >= 0 ? text.slice(query + 1) : text;
}

/** Reads a study link (whole URL, `#...` or bare parameters) into a valid study; never throws. */
export function decodeStudyLink(text: string): StudyRestore {
  if (text.length > MAX_LINK_LENGTH) {
    const result = restoreStudy({});
    result.notices = [
      `The study link is ${text.length} characters long (the limit is ${MAX_LINK_LENGTH}); it was ignored.`,
    ];
    return result;
  }
  const own: Record<string, string> = {};
  const base = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(parameterText(text).trim())) {
    if ((STUDY_KEYS as readonly string[]).includes(key)) own[key] = value;
    else base.append(key, value);
  }
  const decoded = decodeScenarioLink(base.toString());
  const result = restoreStudy({
    ...(own.study === undefined ? {} : { name: own.study }),
    base: decoded.scenario,
    sweep: own.sweep,
    values: own.values,
    arms: own.arms,
    seeds: own.seeds,
    steps: own.steps,
  });
  const notices = decoded.notices.map((n) => `base scenario: ${n}`);
  if (decoded.trained)
    notices.push('base scenario: trained weights are ignored; every run starts from its seed.');
  return { study: result.study, notices: [...notices, ...result.notices] };
}
