import { describe, expect, it } from 'vitest';
import { rasterizeDots } from './raster';
import { pixelMap } from './viewport';

/** The buffer as rows of characters: '.' background, then one letter per colour index. */
function picture(pixels: Uint32Array, width: number): string[] {
  const rows: string[] = [];
  for (let y = 0; y * width < pixels.length; y++) {
    rows.push(
      Array.from(pixels.subarray(y * width, (y + 1) * width), (p) =>
        p === 0 ? '.' : String.fromCharCode(96 + p),
      ).join(''),
    );
  }
  return rows;
}

describe('rasterizeDots', () => {
  // The square [-4, 4]^2 on 8 x 8 pixels: one unit a pixel, the origin at pixel corner (4, 4).
  const map = pixelMap({ cx: 0, cy: 0, half: 4 }, 8, 8);
  const colors = Uint32Array.of(1, 2);

  it('draws a square per point in its class colour, y up, later points on top', () => {
    const pixels = new Uint32Array(64);
    const positions = Float32Array.of(-3, 3, 0, 0, 0.9, -0.9);
    rasterizeDots(pixels, 8, 8, map, positions, Uint8Array.of(0, 0, 1), colors, 2);
    expect(picture(pixels, 8)).toEqual([
      'aa......',
      'aa......',
      '........',
      '...aa...',
      '...abb..',
      '....bb..',
      '........',
      '........',
    ]);
  });

  it('clips squares at the edges and skips points that are not finite', () => {
    const pixels = new Uint32Array(64);
    const positions = Float32Array.of(-4, 4, 3.9, -3.9, NaN, 0, 100, 100);
    rasterizeDots(pixels, 8, 8, map, positions, Uint8Array.of(0, 1, 0, 0), colors, 3);
    expect(picture(pixels, 8)).toEqual([
      'aa......',
      'aa......',
      '........',
      '........',
      '........',
      '........',
      '......bb',
      '......bb',
    ]);
  });
});
