import { describe, expect, it } from 'vitest';
import {
  logGamma,
  mean,
  normalCdf,
  pairedEffectSize,
  pairedTTest,
  regularizedBeta,
  standardDeviation,
  studentTCdf,
  studentTQuantile,
  summarizeMean,
  wilcoxonSignedRank,
} from './statistics';

// Reference values from statistical tables (and SciPy 1.17: stats.t.ppf, stats.ttest_1samp,
// stats.wilcoxon, special.betainc).

describe('distribution functions', () => {
  it('log gamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10.5)).toBeCloseTo(13.940625219403763, 10);
  });

  it('the regularised incomplete beta function matches a known value and its symmetry', () => {
    expect(regularizedBeta(0.3, 2.5, 1.5)).toBeCloseTo(0.08894372317066562, 12);
    expect(regularizedBeta(0.3, 2.5, 1.5) + regularizedBeta(0.7, 1.5, 2.5)).toBeCloseTo(1, 14);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });

  it("Student's t quantiles match the table", () => {
    const table: [number, number, number][] = [
      [1, 12.706204736174694, 63.656741162871526],
      [2, 4.302652729749462, 9.924843200918287],
      [5, 2.5705818356363146, 4.032142983555228],
      [10, 2.228138851986274, 3.16927267261695],
      [19, 2.0930240544083087, 2.8609346064649794],
      [30, 2.0422724563012378, 2.7499956535672254],
      [100, 1.9839715185235518, 2.6258905214380173],
    ];
    for (const [df, q975, q995] of table) {
      expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(q975, 9);
      expect(studentTQuantile(0.995, df), `df ${df}`).toBeCloseTo(q995, 8);
      expect(studentTQuantile(0.025, df)).toBeCloseTo(-q975, 9);
    }
    expect(studentTQuantile(0.5, 7)).toBeCloseTo(0, 12);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('the t and normal CDFs match known values', () => {
    expect(studentTCdf(-2.5, 7)).toBeCloseTo(0.020496109292876444, 10);
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 14);
    // df = 1 is the Cauchy distribution: P(T <= 1) = 3/4.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 6);
    expect(normalCdf(-2.3)).toBeCloseTo(0.010724110021675809, 6);
  });
});

describe('summaries', () => {
  it('mean, sd and the 95% interval of a small sample, by hand', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(values)).toBe(5);
    // sum of squares 32, divisor 7.
    expect(standardDeviation(values)).toBeCloseTo(Math.sqrt(32 / 7), 14);
    const s = summarizeMean(values);
    const half = (2.3646242515927844 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(s.low).toBeCloseTo(5 - half, 9);
    expect(s.high).toBeCloseTo(5 + half, 9);
  });

  it('one value has no spread and an interval of zero width', () => {
    expect(summarizeMean([3])).toEqual({ n: 1, mean: 3, sd: NaN, low: 3, high: 3 });
    expect(Number.isNaN(mean([]))).toBe(true);
  });
});

describe('paired tests', () => {
  it('the paired t test matches SciPy', () => {
    const a = pairedTTest([1, 2, 3, 4, 5]);
    expect(a.t).toBeCloseTo(4.242640687119285, 12);
    expect(a.p).toBeCloseTo(0.01323559956368269, 10);
    const b = pairedTTest([1.5, -0.3, 2.2, 0.7, -1.1, 3.0, 0.4, 1.8, -0.6, 2.5]);
    expect(b.t).toBeCloseTo(2.2781954887218046, 12);
    expect(b.p).toBeCloseTo(0.04870600248722132, 10);
  });

  it('identical differences give p = 0, none give no test', () => {
    expect(pairedTTest([2, 2, 2]).p).toBe(0);
    expect(Number.isNaN(pairedTTest([0, 0, 0]).p)).toBe(true);
    expect(Number.isNaN(pairedTTest([1]).p)).toBe(true);
  });

  it('exact Wilcoxon: all ten positive gives 2/1024; Darwin’s data match SciPy', () => {
    const all = wilcoxonSignedRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(all.wPlus).toBe(55);
    expect(all.p).toBeCloseTo(2 / 1024, 15);
    const darwin = wilcoxonSignedRank([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]);
    // W- = 10 + 14 = 24.
    expect(darwin.wPlus).toBe(120 - 24);
    expect(darwin.p).toBeCloseTo(0.041259765625, 14);
    expect(darwin.exact).toBe(true);
    expect(wilcoxonSignedRank([1.5, -0.3, 2.2, 0.7, -1.1, 3.0, 0.4, 1.8, -0.6, 2.5]).p).toBeCloseTo(
      0.064453125,
      14,
    );
  });

  it('exact Wilcoxon with ties: the conditional distribution of the average ranks, by hand', () => {
    // |d| = 1, 1, 2: ranks 1.5, 1.5, 3; W+ = 3 (the 2). Patterns with W+ <= 3 (or >= 3, mirrored):
    // sums over subsets {}, {1.5}, {1.5}, {3}, {1.5,1.5}: 5 of 8 at or below 3, so p = min(1, 2 * 5/8).
    expect(wilcoxonSignedRank([-1, -1, 2]).p).toBe(1);
    // Ranks 1.5, 1.5, 3, all positive: W+ = 6, only one pattern reaches it: p = 2/8.
    expect(wilcoxonSignedRank([1, 1, 2]).p).toBeCloseTo(0.25, 15);
    // Zeros are dropped.
    expect(wilcoxonSignedRank([0, 1, 1, 2]).n).toBe(3);
  });

  it('the normal approximation (ties and continuity corrected) matches SciPy above the exact limit', () => {
    const d = [
      2.3, -2.3, 0.7, -0.3, -0.2, 0.1, -1.7, 0.1, -0.6, 3.6, 0.5, -0.1, 0.0, -0.4, -0.8, -0.1, 0.8, 0.1, 1.3,
      0.1, 0.3, 1.8, 0.8, -0.2, 0.1, 0.8, 2.2, 0.0, 0.1, 1.3, -0.6, 0.0, 1.2, 0.9, 0.4, 1.0, -2.5, 1.3, -0.7,
      -1.4, 0.6, 1.0, -0.1, -0.8, 0.3, 0.2, 1.7, 1.0, 0.5, 1.4, 0.1, -0.6, 0.9, 0.9, 0.1, -0.5, 0.5, -2.2,
      1.0, 0.8,
    ];
    const result = wilcoxonSignedRank(d);
    expect(result.exact).toBe(false);
    expect(result.n).toBe(57);
    expect(result.wPlus).toBe(57 * 29 - 530);
    expect(result.p).toBeCloseTo(0.01854089039592215, 6);
  });

  it("Cohen's d for paired samples is the mean difference over the sd of the differences", () => {
    expect(pairedEffectSize([1, 2, 3, 4, 5])).toBeCloseTo(3 / Math.sqrt(2.5), 14);
    expect(Number.isNaN(pairedEffectSize([1, 1]))).toBe(true);
  });
});
