/**
 * What a study's rows say: per swept value and arm, the mean and 95% interval of each quantity; per
 * value, every arm against the first (the baseline) over paired seeds, with a sentence in words.
 */
import type { PairedComparison, QuantityWording } from '../core/pairedComparison';
import { comparePaired, describeComparison } from '../core/pairedComparison';
import type { MeanSummary } from '../core/statistics';
import { summarizeMean } from '../core/statistics';
import type { Study } from './study';
import type { StudyRow } from './studyRows';

export type QuantityKey = 'testAccuracy' | 'gap' | 'C' | 'otRatio' | 'blockOtRatio' | 'straightness';

export interface StudyQuantity {
  key: QuantityKey;
  /** Axis and column label. */
  label: string;
  of: (row: StudyRow) => number;
  /** Multiplies values for charts (100: a fraction shown in points). */
  scale: number;
  wording: QuantityWording;
}

/** A fraction as points with one decimal; -0.0 printed as 0.0. */
export const formatPoints = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) < 5e-4 ? 0 : 100 * v).toFixed(1) : '–';
/** Three significant digits, without an exponent for ordinary sizes. */
export const formatSignificant = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '–');

const by = (noun: string) => (amount: string, higher: boolean, baseline: string) =>
  `has a ${higher ? 'higher' : 'lower'} ${noun} than ${baseline}, by ${amount} on average`;

/** The quantities a study reports, in display order. */
export const STUDY_QUANTITIES: readonly StudyQuantity[] = [
  {
    key: 'testAccuracy',
    label: 'test accuracy (%)',
    scale: 100,
    of: (r) => r.testAccuracy,
    wording: {
      name: 'test accuracy',
      format: formatPoints,
      phrase: (amount, higher, baseline) =>
        `is ${amount} points ${higher ? 'more' : 'less'} accurate than ${baseline} on average`,
    },
  },
  {
    key: 'gap',
    label: 'generalisation gap (points)',
    scale: 100,
    of: (r) => r.trainAccuracy - r.testAccuracy,
    wording: {
      name: 'the generalisation gap',
      format: formatPoints,
      phrase: (amount, higher, baseline) =>
        `has a generalisation gap ${amount} points ${higher ? 'wider' : 'narrower'} than ${baseline} on average`,
    },
  },
  {
    key: 'C',
    label: 'kinetic cost C',
    scale: 1,
    of: (r) => r.C,
    wording: { name: 'the kinetic cost C', format: formatSignificant, phrase: by('kinetic cost C') },
  },
  {
    key: 'otRatio',
    label: 'OT ratio W2²/S',
    scale: 1,
    of: (r) => r.otRatio ?? NaN,
    wording: { name: 'the OT ratio', format: formatSignificant, phrase: by('OT ratio') },
  },
  {
    key: 'blockOtRatio',
    label: 'block OT ratio ΣW2²/Σh²E',
    scale: 1,
    // Empty in results files written before it existed.
    of: (r) => r.blockOtRatio ?? NaN,
    wording: { name: 'the block OT ratio', format: formatSignificant, phrase: by('block OT ratio') },
  },
  {
    key: 'straightness',
    label: 'straightness S/(KhA)',
    scale: 1,
    of: (r) => r.straightness ?? NaN,
    wording: { name: 'straightness', format: formatSignificant, phrase: by('straightness') },
  },
];

export interface ArmSummary {
  arm: string;
  armIndex: number;
  runs: number;
  stats: Record<QuantityKey, MeanSummary>;
}

export interface ArmComparison {
  arm: string;
  baseline: string;
  quantity: QuantityKey;
  comparison: PairedComparison;
  sentence: string;
}

export interface ValueSummary {
  value: string;
  valueIndex: number;
  arms: ArmSummary[];
  /** Every arm but the first against the first, for every quantity. */
  comparisons: ArmComparison[];
}

/** Summaries of the rows so far (any subset of the cells, in any order). */
export function summarizeStudy(study: Study, rows: readonly StudyRow[]): ValueSummary[] {
  return study.values.map((value, valueIndex) => {
    const mine = rows.filter((r) => r.value === value);
    const ofArm = (arm: string) => mine.filter((r) => r.arm === arm);
    const arms = study.arms.map((arm, armIndex) => {
      const armRows = ofArm(arm.label);
      const stats = {} as Record<QuantityKey, MeanSummary>;
      for (const q of STUDY_QUANTITIES)
        stats[q.key] = summarizeMean(armRows.map(q.of).filter(Number.isFinite));
      return { arm: arm.label, armIndex, runs: armRows.length, stats };
    });
    const baseline = study.arms[0].label;
    const baseBySeed = new Map(ofArm(baseline).map((r) => [r.seed, r]));
    const comparisons: ArmComparison[] = [];
    for (const arm of study.arms.slice(1)) {
      const pairs = ofArm(arm.label)
        .filter((r) => baseBySeed.has(r.seed))
        .sort((a, b) => a.seed - b.seed);
      for (const q of STUDY_QUANTITIES) {
        const finite = pairs.filter(
          (r) => Number.isFinite(q.of(r)) && Number.isFinite(q.of(baseBySeed.get(r.seed)!)),
        );
        const comparison = comparePaired(
          finite.map(q.of),
          finite.map((r) => q.of(baseBySeed.get(r.seed)!)),
        );
        comparisons.push({
          arm: arm.label,
          baseline,
          quantity: q.key,
          comparison,
          sentence: describeComparison(comparison, arm.label, baseline, q.wording),
        });
      }
    }
    return { value, valueIndex, arms, comparisons };
  });
}
