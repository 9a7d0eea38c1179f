/**
 * One arm against a baseline over paired seeds: the mean difference with its 95% interval, the
 * paired t and Wilcoxon signed-rank tests, the effect size, and a sentence a student can read.
 */
import type { MeanSummary } from './statistics';
import { pairedEffectSize, pairedTTest, summarizeMean, wilcoxonSignedRank } from './statistics';

export interface PairedComparison {
  /** Pairs compared (seeds with a result in both arms). */
  n: number;
  /** Arm minus baseline. */
  difference: MeanSummary;
  tP: number;
  wilcoxonP: number;
  /** Cohen's d for paired samples. */
  effectSize: number;
}

/** Compares paired values (same index, same seed): arm minus baseline. */
export function comparePaired(arm: readonly number[], baseline: readonly number[]): PairedComparison {
  const differences = arm.map((a, i) => a - baseline[i]);
  return {
    n: differences.length,
    difference: summarizeMean(differences),
    tP: pairedTTest(differences).p,
    wilcoxonP: wilcoxonSignedRank(differences).p,
    effectSize: pairedEffectSize(differences),
  };
}

/** How a quantity is worded: "is 3.1 points more accurate than off", "has a lower C than off, by 4.9". */
export interface QuantityWording {
  /** The quantity's name, for "no detectable difference in …". */
  name: string;
  /** A value or difference as printed (a fraction as points, others to three significant digits). */
  format: (value: number) => string;
  /** The phrase for a difference of `amount` (formatted) in the given direction, against `baseline`. */
  phrase: (amount: string, higher: boolean, baseline: string) => string;
}

/** A p-value as a reader expects it: two significant digits, or "< 0.001". */
export function formatP(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p < 0.001) return '< 0.001';
  return `= ${Number(p.toPrecision(2))}`;
}

/**
 * The comparison in one sentence, e.g. "least action is 3.1 points more accurate than off on average
 * (95% CI 1.2 to 5.0; paired t p = 0.003, Wilcoxon p = 0.004, 20 seeds)"; the interval is of the
 * difference, arm minus baseline. When the interval contains
 * zero the sentence says there is no detectable difference at this sample size.
 */
export function describeComparison(
  comparison: PairedComparison,
  arm: string,
  baseline: string,
  wording: QuantityWording,
): string {
  const d = comparison.difference;
  const f = wording.format;
  const seeds = `${comparison.n} seed${comparison.n === 1 ? '' : 's'}`;
  if (comparison.n < 2 || !Number.isFinite(d.low)) {
    return `${arm} against ${baseline}: too few paired seeds (${comparison.n}) to compare ${wording.name}.`;
  }
  const tests = `paired t p ${formatP(comparison.tP)}, Wilcoxon p ${formatP(comparison.wilcoxonP)}, ${seeds}`;
  const interval = `95% CI ${f(d.low)} to ${f(d.high)}`;
  if (d.low <= 0 && d.high >= 0) {
    return (
      `No detectable difference in ${wording.name} between ${arm} and ${baseline} at this sample size ` +
      `(${arm} minus ${baseline}: ${f(d.mean)}, ${interval}; ${tests}).`
    );
  }
  return `${arm} ${wording.phrase(f(Math.abs(d.mean)), d.mean > 0, baseline)} (${interval}; ${tests}).`;
}
