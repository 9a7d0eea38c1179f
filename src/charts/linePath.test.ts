import { line } from 'd3-shape';
import { describe, expect, it } from 'vitest';
import { linePath } from './linePath';

const d3Path = (
  xs: Float64Array,
  ys: Float64Array,
  indices: Int32Array,
  x: (v: number) => number,
  y: (v: number) => number,
) =>
  line<number>()
    .x((j) => x(xs[j]))
    .y((j) => y(ys[j]))(indices) ?? '';

describe('linePath', () => {
  it("writes the path d3-shape's line() writes", () => {
    const xs = Float64Array.from({ length: 50 }, (_, i) => i * 13.7);
    const ys = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i) * 1e-3 + (i % 7) * 1e5);
    const x = (v: number) => v / 3.3;
    const y = (v: number) => 140 - v / 7.1;
    for (const picked of [[], [4], [0, 1], [0, 3, 4, 9, 10, 22, 49], xs.map((_, i) => i)]) {
      const indices = Int32Array.from(picked);
      expect(linePath(xs, ys, indices, indices.length, x, y)).toBe(d3Path(xs, ys, indices, x, y));
    }
  });

  it('writes every number as String(Math.round(v * 1000) / 1000) does', () => {
    // A seeded linear congruential stream: values of every magnitude and sign, halves included.
    let state = 12345;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const values = [
      0, -0, 0.0004, -0.0004, 0.0005, -0.0005, 1e-9, 0.1, 0.25, -0.999, 1.0005, 999.9995, 1e14, -1e16, 3e21,
    ];
    for (let i = 0; i < 20000; i++) values.push((next() - 0.5) * 10 ** Math.floor(next() * 12 - 4));
    for (let i = 0; i < 2000; i++) values.push(Math.round((next() - 0.5) * 2e6) / 2000);
    const xs = Float64Array.from(values);
    const ys = Float64Array.from(values).reverse();
    const indices = Int32Array.from(values, (_, i) => i);
    const id = (v: number) => v;
    expect(linePath(xs, ys, indices, indices.length, id, id)).toBe(d3Path(xs, ys, indices, id, id));
  });
});
