/**
 * The runs of a study: one cell per (value, arm, seed), each a complete scenario with its canonical
 * link, so that any cell can be run alone (`npm run train -- LINK --steps STEPS`) or opened in the lab.
 */
import { parseSettingsList } from './compare';
import { encodeScenarioLink } from './link';
import { readValue } from './fieldValues';
import type { Scenario } from './schema';
import type { Study } from './study';
import { ARM_KEYS } from './study';

export interface StudyCell {
  /** Position in studyCells' order: seed-major, then value, then arm. */
  index: number;
  valueIndex: number;
  /** The swept setting's value, as link text. */
  value: string;
  armIndex: number;
  arm: string;
  seed: number;
  /** Steps the run trains (the arm's own, else the study's). */
  steps: number;
  scenario: Scenario;
  /** The run's canonical share link (its steps included, so the lab pauses where the study stopped). */
  link: string;
  /** Relative work of the run (multiply-adds, roughly), for scheduling and the time estimate. */
  cost: number;
}

/** Points the transport measures use at most (the CLI's subsample). */
const MEASURED_POINTS = 512;

/**
 * Rough work of a run, in units of about a nanosecond here: the training steps, the final evaluation,
 * and the K + 1 exact assignments of the measures (about 100 units per entry of each cost matrix,
 * measured on trained flows of the standard sweep).
 */
export function runCost(scenario: Scenario, steps: number): number {
  const batch = scenario.batch > 0 ? Math.min(scenario.batch, scenario.n) : scenario.n;
  const perPoint = scenario.K * scenario.width;
  const measured = Math.min(scenario.n, MEASURED_POINTS);
  return (
    steps * batch * perPoint * 6 +
    (scenario.n + scenario.ntest) * perPoint * 4 +
    (scenario.K + 1) * measured ** 2 * 100
  );
}

/** Every run of the study, seed by seed (so that paired results arrive together). */
export function studyCells(study: Study): StudyCell[] {
  const cells: StudyCell[] = [];
  const arms = study.arms.map((arm) => parseSettingsList(arm.set, ARM_KEYS));
  for (let s = 0; s < study.seeds; s++) {
    // Seeds run on from the base's, wrapping inside the seed field's range.
    const seed = ((study.base.seed - 1 + s) % 2147483647) + 1;
    study.values.forEach((value, valueIndex) => {
      const swept = readValue(study.sweep, value, []) as Scenario[typeof study.sweep];
      arms.forEach((settings, armIndex) => {
        const steps = settings.steps ?? study.steps;
        const scenario: Scenario = { ...study.base, [study.sweep]: swept, ...settings, seed, steps };
        cells.push({
          index: cells.length,
          valueIndex,
          value,
          armIndex,
          arm: study.arms[armIndex].label,
          seed,
          steps,
          scenario,
          link: encodeScenarioLink(scenario),
          cost: runCost(scenario, steps),
        });
      });
    });
  }
  return cells;
}
