/**
 * Which points of a series a line chart needs to draw: per pixel column, the first, lowest, highest
 * and last point (in step order). The drawn line then looks exactly like the line through every
 * point, but costs a few points per pixel of width instead of one per recorded step.
 */

/**
 * Writes into `out` the indices (ascending) of the points of xs/ys[0..length) to draw, and returns
 * how many. Points for which `keep(y)` is false are left out (non-finite values, or values a log scale
 * cannot show). `out` must hold `length` indices.
 *
 * @param column the pixel column of a step x (any monotonic map; it is floored)
 */
export function columnExtremes(
  xs: Float64Array,
  ys: Float64Array,
  length: number,
  column: (x: number) => number,
  keep: (y: number) => boolean,
  out: Int32Array,
): number {
  let count = 0;
  let current = NaN;
  let first = -1;
  let low = -1;
  let high = -1;
  let last = -1;
  const push = (j: number) => {
    if (count === 0 || out[count - 1] < j) out[count++] = j;
  };
  // The column's four indices in ascending order, each once.
  const flush = () => {
    if (first < 0) return;
    push(first);
    push(Math.min(low, high));
    push(Math.max(low, high));
    push(last);
  };
  for (let j = 0; j < length; j++) {
    const y = ys[j];
    if (!keep(y)) continue;
    const c = Math.floor(column(xs[j]));
    if (c !== current) {
      flush();
      current = c;
      first = low = high = j;
    }
    if (y < ys[low]) low = j;
    if (y > ys[high]) high = j;
    last = j;
  }
  flush();
  return count;
}
