import { describe, expect, it } from 'vitest';
import { STUDIES } from '../scenario/studies';
import { summarizeStudy } from '../scenario/studySummary';
import { runStudyInThread } from './studyRunners';

/**
 * The science check (the built-in study "science-check", `npm run science`): what the studies of
 * the README support, asserted with a margin on ten paired seeds. On two moons with 30 points least
 * action ends with a far lower kinetic cost and a lower OT ratio than no penalty on the same data
 * and initial weights, and the twenty-seed low-data study finds no detectable difference in test
 * accuracy; so the check asserts the costs, and only that accuracy does not drop by more than five
 * points (the interval's lower end), not that it rises.
 */
describe('science check: least action against no penalty on scarce data (CPU backend)', () => {
  it('lowers the kinetic cost C and the OT ratio on paired seeds, at no clear cost in test accuracy', async () => {
    const study = STUDIES.find((s) => s.name === 'science-check')!;
    const outcome = await runStudyInThread(study);
    expect(outcome.status).toBe('done');
    expect(outcome.rows.every((r) => r.diverged === null)).toBe(true);
    const [summary] = summarizeStudy(study, outcome.rows);
    const compared = (key: string) => summary.comparisons.find((c) => c.quantity === key)!.comparison;
    const [off, leastAction] = summary.arms;
    // C: the whole interval of the paired difference below zero, and least action's mean a tenth of off's.
    expect(compared('C').difference.high).toBeLessThan(0);
    expect(leastAction.stats.C.mean).toBeLessThan(0.1 * off.stats.C.mean);
    expect(compared('C').wilcoxonP).toBeLessThan(0.01);
    // OT ratio: lower, with the interval clear of zero.
    expect(compared('otRatio').difference.high).toBeLessThan(0);
    // Test accuracy: not worse by more than five points at the interval's lower end.
    expect(compared('testAccuracy').difference.low).toBeGreaterThan(-0.05);
  }, 120_000);
});
