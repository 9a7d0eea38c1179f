import { describe, expect, it } from 'vitest';
import { restoreStudy } from './study';
import type { StudyRow } from './studyRows';
import { studyCsv } from './studyRows';
import { summarizeStudy } from './studySummary';

const { study } = restoreStudy({
  base: 'v=2',
  sweep: 'n',
  values: [30],
  arms: 'off(penalty:off);least action(penalty:lap)',
  seeds: 5,
});

function row(arm: string, seed: number, testAccuracy: number, C: number): StudyRow {
  return {
    value: '30',
    arm,
    seed,
    link: `v=2&n=30&seed=${seed}`,
    steps: 1000,
    trainAccuracy: 1,
    testAccuracy,
    trainLoss: 0,
    testLoss: 0,
    C,
    lambda: 1,
    otRatio: 0.9,
    straightness: 0.8,
    efficiency: 0.7,
    W2sq: 1,
    S: 1,
    action: 1,
    monotonicityViolations: 0,
    blockOtRatio: 0.95,
    seconds: 1,
    diverged: null,
  };
}

describe('study summaries', () => {
  // Least action is better by 0.02, 0.03, 0.04, 0.03, 0.03 (mean 0.03, sd 0.00707): t = 9.487, df 4.
  const off = [0.8, 0.82, 0.84, 0.86, 0.88];
  const gains = [0.02, 0.03, 0.04, 0.03, 0.03];
  const rows = [
    ...off.map((a, i) => row('off', i + 1, a, 5)),
    ...off.map((a, i) => row('least action', i + 1, a + gains[i], 5 + (i % 2 ? 0.1 : -0.1))),
  ];

  it('per arm: mean and 95% interval; paired by seed against the first arm', () => {
    const [summary] = summarizeStudy(study, rows);
    const offStats = summary.arms[0].stats.testAccuracy;
    expect(offStats.mean).toBeCloseTo(0.84, 12);
    // sd = sqrt(0.004 / 4) = 0.0316; half-width t(0.975, 4) sd / sqrt(5).
    expect(offStats.high - offStats.mean).toBeCloseTo(
      (2.7764451051977987 * Math.sqrt(0.001)) / Math.sqrt(5),
      9,
    );
    const accuracy = summary.comparisons.find((c) => c.quantity === 'testAccuracy')!;
    expect(accuracy.comparison.n).toBe(5);
    expect(accuracy.comparison.difference.mean).toBeCloseTo(0.03, 12);
    // Paired t (SciPy: ttest_1samp([2, 3, 4, 3, 3], 0) p = 0.000689); exact Wilcoxon: all 5 positive, 2/32.
    expect(accuracy.comparison.tP).toBeCloseTo(0.0006889093649396113, 8);
    expect(accuracy.comparison.wilcoxonP).toBeCloseTo(0.0625, 12);
    expect(accuracy.sentence).toBe(
      'least action is 3.0 points more accurate than off on average (95% CI 2.1 to 3.9; paired t p < 0.001, Wilcoxon p = 0.063, 5 seeds).',
    );
    const cost = summary.comparisons.find((c) => c.quantity === 'C')!;
    expect(cost.sentence).toMatch(
      /^No detectable difference in the kinetic cost C between least action and off at this sample size/,
    );
  });

  it('summarises the block OT ratio, leaving out rows from files that predate it', () => {
    const mixed = rows.map((r, i) =>
      i === 0 ? { ...r, blockOtRatio: null } : { ...r, blockOtRatio: 0.5 + i / 100 },
    );
    const [summary] = summarizeStudy(study, mixed);
    const offBlock = summary.arms[0].stats.blockOtRatio;
    // Off's rows 1-4 (row 0 has none): 0.51, 0.52, 0.53, 0.54.
    expect(offBlock.mean).toBeCloseTo(0.525, 12);
    const paired = summary.comparisons.find((c) => c.quantity === 'blockOtRatio')!;
    // Seeds 2-5 in both arms, least action's rows 6-9 minus off's 1-4: 0.05 each.
    expect(paired.comparison.n).toBe(4);
    expect(paired.comparison.difference.mean).toBeCloseTo(0.05, 12);
  });

  it('pairs only seeds present in both arms, as results arrive', () => {
    const partial = rows.filter(
      (r) => !(r.arm === 'off' && r.seed === 2) && !(r.arm === 'least action' && r.seed === 5),
    );
    const [summary] = summarizeStudy(study, partial);
    expect(summary.arms.map((a) => a.runs)).toEqual([4, 4]);
    expect(summary.comparisons[0].comparison.n).toBe(3);
    expect(summarizeStudy(study, [])[0].comparisons[0].sentence).toBe(
      'least action against off: too few paired seeds (0) to compare test accuracy.',
    );
  });

  it('CSV: a header naming the swept setting, one line per run, links quoted when they must be', () => {
    const csv = studyCsv(study, [
      row('off', 1, 0.8, 5),
      { ...row('a, b', 2, 0.9, 1), diverged: 'at step 3' },
    ]);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'n,arm,seed,link,steps,trainAccuracy,testAccuracy,trainLoss,testLoss,C,lambda,otRatio,straightness,efficiency,W2sq,S,action,monotonicityViolations,blockOtRatio,seconds,diverged',
    );
    expect(lines[1]).toBe('30,off,1,v=2&n=30&seed=1,1000,1,0.8,0,0,5,1,0.9,0.8,0.7,1,1,1,0,0.95,1,');
    expect(lines[2].startsWith('30,"a, b",2,')).toBe(true);
    expect(lines[2].endsWith(',at step 3')).toBe(true);
  });
});
