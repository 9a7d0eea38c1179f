import { describe, expect, it } from 'vitest';
import { decodeFloat16, encodeFloat16, fromFloat16Bits, toFloat16Bits } from './float16';
import { createRandomStream } from './random';

describe('float16', () => {
  it('encodes known values exactly', () => {
    const cases: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.5, 0x3800],
      [65504, 0x7bff],
      [2 ** -24, 0x0001],
      [2 ** -14, 0x0400],
      [Infinity, 0x7c00],
      [1e6, 0x7c00],
      [1e-9, 0x0000],
    ];
    for (const [x, bits] of cases) expect(toFloat16Bits(x), String(x)).toBe(bits);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
  });

  it('rounds to nearest even', () => {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: ties to the even mantissa, 1.
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00);
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });

  it('round-trips every half-precision value, and random floats within half an ulp', () => {
    for (let h = 0; h < 0x7c00; h++) expect(toFloat16Bits(fromFloat16Bits(h))).toBe(h);
    const rng = createRandomStream(1, 'f16');
    const values = Float32Array.from({ length: 5000 }, () => rng.normal() * 3);
    const back = decodeFloat16(encodeFloat16(values));
    values.forEach((v, i) =>
      expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(Math.abs(v) * 2 ** -11 + 2 ** -25),
    );
  });
});
