import { describe, expect, it } from 'vitest';
import {
  classColor,
  DIVERGING_BINS,
  divergingBin,
  divergingStops,
  pixelWord,
  rgbOf,
  SEQUENTIAL_STOPS,
  sequentialBin,
} from './palette';

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

  it('packs a colour as the bytes R, G, B, A of one pixel', () => {
    const bytes = new Uint8ClampedArray(Uint32Array.of(pixelWord('#0072B2', 128)).buffer);
    expect(Array.from(bytes)).toEqual([0, 114, 178, 128]);
    expect(Array.from(new Uint8ClampedArray(Uint32Array.of(pixelWord('#E69F00')).buffer))).toEqual([
      230, 159, 0, 255,
    ]);
  });

  it('bins a diverging value: 0 alone in the middle, any other value at least one bin away', () => {
    expect(DIVERGING_BINS).toBe(9);
    expect(divergingBin(0, 1)).toBe(4);
    expect(divergingBin(-0, 1)).toBe(4);
    expect(divergingBin(1e-9, 1)).toBe(5);
    expect(divergingBin(-1e-9, 1)).toBe(3);
    expect(divergingBin(0.5, 1)).toBe(6);
    expect(divergingBin(-0.5, 1)).toBe(2);
    expect(divergingBin(1, 1)).toBe(8);
    expect(divergingBin(7, 1)).toBe(8);
    expect(divergingBin(-7, 1)).toBe(0);
    expect(divergingBin(0.2, 0)).toBe(8);
    expect(divergingBin(-Infinity, 1)).toBe(0);
    expect(divergingBin(NaN, 1)).toBe(4);
  });

  it('mixes diverging stops from the negative end through zero to the positive end', () => {
    const stops = divergingStops('#000000', '#808080', '#ffffff');
    expect(stops).toHaveLength(DIVERGING_BINS);
    expect(stops[0]).toBe('#000000');
    expect(stops[2]).toBe('#404040');
    expect(stops[4]).toBe('#808080');
    expect(stops[8]).toBe('#ffffff');
  });
});
