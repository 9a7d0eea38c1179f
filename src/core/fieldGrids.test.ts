import { describe, expect, it } from 'vitest';
import {
  arrowBases,
  fieldsLayout,
  fieldsLength,
  fieldsViews,
  regionCellCenters,
  warpGridPoints,
} from './fieldGrids';

const region = { cx: 1, cy: -1, half: 2 };

describe('field grids', () => {
  it('places cell centres row by row from the top', () => {
    const c = regionCellCenters(region, 4);
    expect([c[0], c[1]]).toEqual([-0.5, 0.5]);
    expect([c[6], c[7]]).toEqual([2.5, 0.5]);
    expect([c[30], c[31]]).toEqual([2.5, -2.5]);
    expect(arrowBases(region, 4)).toEqual(c);
  });

  it('samples horizontal then vertical grid lines, edges included', () => {
    const g = warpGridPoints(region, 3, 5);
    expect(g.length).toBe(2 * 3 * 5 * 2);
    // First horizontal line: y = bottom edge, x from left to right edge.
    expect([g[0], g[1], g[8], g[9]]).toEqual([-1, -3, 3, -3]);
    // Last vertical line: x = right edge, y from bottom to top.
    const last = g.length - 2;
    expect([g[last], g[last + 1]]).toEqual([3, 1]);
    expect([g[30], g[31]]).toEqual([-1, -3]);
  });

  it('lays out a fields buffer in three parts', () => {
    const layout = fieldsLayout(
      { region, depth: 0, resolution: 3, gridLines: 2, gridSamples: 4, arrows: 2 },
      5,
    );
    expect(layout.gridPoints).toBe(16);
    expect(fieldsLength(layout)).toBe(18 + 6 * 16 * 2 + 5 * 4 * 2);
    const views = fieldsViews(new Float32Array(fieldsLength(layout)), layout);
    expect([views.regions.length, views.grid.length, views.arrows.length]).toEqual([18, 192, 40]);
    expect(() => fieldsViews(new Float32Array(3), layout)).toThrow();
  });
});
