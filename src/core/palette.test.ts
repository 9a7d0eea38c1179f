import { describe, expect, it } from 'vitest';
import { classColor, pixelWord, rgbOf, SEQUENTIAL_STOPS, sequentialBin } from './palette';

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
});
