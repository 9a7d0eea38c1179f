import { describe, expect, it } from 'vitest';
import { columnExtremes } from './columnExtremes';

const keepFinite = (y: number) => Number.isFinite(y);

function pick(xs: number[], ys: number[], column: (x: number) => number, keep = keepFinite): number[] {
  const out = new Int32Array(xs.length);
  const count = columnExtremes(Float64Array.from(xs), Float64Array.from(ys), xs.length, column, keep, out);
  return Array.from(out.subarray(0, count));
}

describe('columnExtremes', () => {
  it('keeps every point when each has a column of its own', () => {
    expect(pick([0, 1, 2, 3], [5, 1, 4, 2], (x) => x)).toEqual([0, 1, 2, 3]);
  });

  it('keeps the first, lowest, highest and last point of each column, in order', () => {
    // Column 0 holds steps 0-9: first y 5, highest 9 at index 3, lowest -2 at index 6, last 1.
    const ys = [5, 6, 7, 9, 4, 3, -2, 0, 2, 1, 8, 8];
    const xs = ys.map((_, i) => i);
    expect(pick(xs, ys, (x) => x / 10)).toEqual([0, 3, 6, 9, 10, 11]);
  });

  it('draws the same extremes as the full series over 100,000 points in 200 columns', () => {
    const n = 100_000;
    const xs = Array.from({ length: n }, (_, i) => i);
    const ys = xs.map((x) => Math.sin(x / 700) + 0.3 * Math.sin(x * 1.7));
    const kept = pick(xs, ys, (x) => (x / n) * 200);
    expect(kept.length).toBeLessThanOrEqual(4 * 200);
    for (let c = 0; c < 200; c++) {
      const inColumn = xs.filter((x) => Math.floor((x / n) * 200) === c);
      const max = Math.max(...inColumn.map((x) => ys[x]));
      const min = Math.min(...inColumn.map((x) => ys[x]));
      const keptYs = kept.filter((j) => Math.floor((j / n) * 200) === c).map((j) => ys[j]);
      expect(Math.max(...keptYs)).toBe(max);
      expect(Math.min(...keptYs)).toBe(min);
    }
  });

  it('leaves out the points the scale cannot show', () => {
    expect(
      pick(
        [0, 1, 2, 3],
        [1, NaN, -1, 2],
        (x) => x,
        (y) => y > 0,
      ),
    ).toEqual([0, 3]);
  });
});
