/**
 * Statistics for studies over many seeds: mean, sample standard deviation, the 95% confidence
 * interval of a mean from Student's t distribution, the paired t test, the Wilcoxon signed-rank test
 * and the paired effect size. Everything works on plain arrays of finite numbers; the distribution
 * functions are computed here (regularised incomplete beta, complementary error function) so that the
 * page and the CLI give the same p-values without a statistics library.
 */

/** Mean of the values (NaN for none). */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (divisor n - 1; NaN for fewer than two values). */
export function standardDeviation(values: readonly number[]): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / (values.length - 1));
}

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, about 15 significant digits). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz), valid for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const numerator of [
      (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
      (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
    ]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b), for 0 <= x <= 1 and a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast on this side of the mean; use the symmetry on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T <= t) for Student's t distribution with `df` degrees of freedom (df > 0). */
export function studentTCdf(t: number, df: number): number {
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The p-quantile of Student's t distribution (0 < p < 1): the CDF inverted by bisection to the last
 * bit of a double, which is exact enough for intervals and simple to trust.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-14 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The complementary error function (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** A mean with its spread and 95% confidence interval. */
export interface MeanSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (NaN below two values). */
  sd: number;
  /** 95% confidence interval of the mean from the t distribution (the mean itself below two values). */
  low: number;
  high: number;
}

/** Mean, sd and 95% t interval of the values. */
export function summarizeMean(values: readonly number[]): MeanSummary {
  const m = mean(values);
  const sd = standardDeviation(values);
  if (values.length < 2) return { n: values.length, mean: m, sd, low: m, high: m };
  const half = (studentTQuantile(0.975, values.length - 1) * sd) / Math.sqrt(values.length);
  return { n: values.length, mean: m, sd, low: m - half, high: m + half };
}

/** Two-sided paired t test on the differences: t statistic and p-value (NaN below two, or sd 0). */
export function pairedTTest(differences: readonly number[]): { t: number; df: number; p: number } {
  const n = differences.length;
  const df = n - 1;
  const sd = standardDeviation(differences);
  const m = mean(differences);
  if (n < 2 || !(sd > 0)) return { t: NaN, df, p: n >= 2 && m !== 0 && sd === 0 ? 0 : NaN };
  const t = m / (sd / Math.sqrt(n));
  return { t, df, p: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)) };
}

/** Largest number of non-zero differences for which the exact signed-rank distribution is used. */
export const WILCOXON_EXACT_MAX = 50;

/** Average ranks (1-based) of |values|, ties sharing the mean of their ranks. */
function absoluteRanks(values: readonly number[]): { ranks: number[]; tieGroups: number[] } {
  const order = values.map((v, i) => ({ a: Math.abs(v), i })).sort((x, y) => x.a - y.a);
  const ranks = new Array<number>(values.length);
  const tieGroups: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].a === order[start].a) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k].i] = rank;
    if (end > start) tieGroups.push(end - start + 1);
    start = end + 1;
  }
  return { ranks, tieGroups };
}

/**
 * Two-sided Wilcoxon signed-rank test. Zero differences are dropped (Wilcoxon's convention). Up to
 * WILCOXON_EXACT_MAX non-zero differences the p-value is exact: the distribution of W+ over all 2^n
 * sign patterns of the observed (average, so possibly half-integer) ranks, counted by dynamic
 * programming on doubled ranks. Above, the normal approximation with the tie correction of the
 * variance and a continuity correction of 1/2.
 * @returns W+ (sum of ranks of positive differences), the number of non-zero differences and p
 */
export function wilcoxonSignedRank(differences: readonly number[]): {
  wPlus: number;
  n: number;
  p: number;
  exact: boolean;
} {
  const nonZero = differences.filter((d) => d !== 0);
  const n = nonZero.length;
  if (n === 0) return { wPlus: 0, n, p: NaN, exact: true };
  const { ranks, tieGroups } = absoluteRanks(nonZero);
  let wPlus = 0;
  nonZero.forEach((d, i) => {
    if (d > 0) wPlus += ranks[i];
  });
  const expected = (n * (n + 1)) / 4;
  if (n <= WILCOXON_EXACT_MAX) {
    const doubled = ranks.map((r) => Math.round(2 * r));
    const total = doubled.reduce((a, b) => a + b, 0);
    // counts[s]: sign patterns whose positive doubled ranks sum to s, as probabilities (halved per rank).
    let counts = new Float64Array(total + 1);
    counts[0] = 1;
    for (const r of doubled) {
      const next = new Float64Array(total + 1);
      for (let s = 0; s <= total; s++) {
        if (counts[s] === 0) continue;
        next[s] += counts[s] / 2;
        next[s + r] += counts[s] / 2;
      }
      counts = next;
    }
    const w = Math.round(2 * wPlus);
    const mirrored = total - w;
    const lowTail = Math.min(w, mirrored);
    let tail = 0;
    for (let s = 0; s <= lowTail; s++) tail += counts[s];
    return { wPlus, n, p: Math.min(1, 2 * tail), exact: true };
  }
  const tieTerm = tieGroups.reduce((a, t) => a + t ** 3 - t, 0) / 48;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieTerm;
  const distance = Math.max(0, Math.abs(wPlus - expected) - 0.5);
  const p = variance > 0 ? Math.min(1, 2 * (1 - normalCdf(distance / Math.sqrt(variance)))) : NaN;
  return { wPlus, n, p, exact: false };
}

/** Cohen's d for paired samples: mean difference over the sd of the differences (NaN when sd is 0). */
export function pairedEffectSize(differences: readonly number[]): number {
  const sd = standardDeviation(differences);
  return sd > 0 ? mean(differences) / sd : NaN;
}
