import { describe, expect, it } from 'vitest';
import { classColor, rgbOf, SEQUENTIAL_STOPS, sequentialBin } from './palette';

describe('palette', () => {
  it('cycles class colours', () => {
    expect(classColor(0)).toBe(classColor(4));
    expect(classColor(0)).not.toBe(classColor(1));
  });

  it('bins values in [0, 1] over the sequential stops, clamping the rest', () => {
    expect(sequentialBin(0)).toBe(0);
    expect(sequentialBin(1)).toBe(SEQUENTIAL_STOPS.length - 1);
    expect(sequentialBin(0.5)).toBe(4);
    expect(sequentialBin(-3)).toBe(0);
    expect(sequentialBin(NaN)).toBe(0);
  });

  it('parses hex colours', () => {
    expect(rgbOf('#0072B2')).toEqual([0, 114, 178]);
  });
});
