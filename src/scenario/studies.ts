/**
 * The built-in studies, one data file each in studies/ named by its link name, and reading a study
 * from what a user types: a built-in name, a study link, or study JSON. Never throws.
 */
import displacementBias from './studies/displacement-bias.json' with { type: 'json' };
import lowDataCircles from './studies/low-data-circles.json' with { type: 'json' };
import lowDataMoons from './studies/low-data-moons.json' with { type: 'json' };
import lowDataSpiral from './studies/low-data-spiral.json' with { type: 'json' };
import penaltyTradeoff from './studies/penalty-tradeoff.json' with { type: 'json' };
import scienceCheck from './studies/science-check.json' with { type: 'json' };
import type { Study, StudyRestore } from './study';
import { restoreStudy } from './study';
import { decodeStudyLink } from './studyLink';

/** The files as written (each restores without a notice; a test checks it). */
export const STUDY_FILES: readonly unknown[] = [
  lowDataMoons,
  lowDataCircles,
  lowDataSpiral,
  displacementBias,
  penaltyTradeoff,
  scienceCheck,
];

/** The built-in studies, restored. */
export const STUDIES: readonly Study[] = STUDY_FILES.map((file) => restoreStudy(file).study);

/** A built-in study with a title and caption for a decoded study of the same name. */
function withKnownText(result: StudyRestore): StudyRestore {
  const known = STUDIES.find((s) => s.name === result.study.name);
  if (!known || result.study.title !== result.study.name) return result;
  return { ...result, study: { ...result.study, title: known.title, caption: known.caption } };
}

/** A study from a built-in name, a study link or study JSON. */
export function parseStudyText(text: string): StudyRestore {
  const trimmed = text.trim();
  const named = STUDIES.find((s) => s.name === trimmed);
  if (named) return { study: named, notices: [] };
  if (trimmed.startsWith('{')) {
    try {
      return restoreStudy(JSON.parse(trimmed));
    } catch {
      const result = restoreStudy({});
      return {
        ...result,
        notices: ['The study text looks like JSON but could not be parsed; the default study is used.'],
      };
    }
  }
  return withKnownText(decodeStudyLink(trimmed));
}
