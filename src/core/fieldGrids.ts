/**
 * The regular point sets the worker carries through the network for the view's field layers, and
 * the layout of the one Float32Array the results travel in:
 *
 *   [regions G*G*2: (class, confidence) per cell] [grid (K+1)*P*2: warped grid points at every depth]
 *   [arrows K*A*A*2: the displacement h v_k at each arrow base, for every block]
 */
import type { PlaneRegion } from './viewport';

/** What the page currently needs from the worker to draw its field layers. */
export interface FieldRequest {
  /** The visible square of the plane. */
  region: PlaneRegion;
  /** Whole depth k in [0, K] at which the decision regions are evaluated. */
  depth: number;
  /** Cells per side of the decision-region image (0: none). */
  resolution: number;
  /** Lines per direction of the warped grid (0: none). */
  gridLines: number;
  /** Samples per grid line. */
  gridSamples: number;
  /** Arrows per side of the velocity field (0: none). */
  arrows: number;
}

/** The resolutions the page asks for (fixed, so the worker's buffers keep their shapes). */
export const FIELD_RESOLUTION = 72;
export const GRID_LINES = 15;
export const GRID_SAMPLES = 48;
export const ARROWS = 21;

/**
 * Centres of a resolution x resolution raster over the region, row-major from the top row (largest y)
 * down, left to right, as image rows are stored.
 */
export function regionCellCenters(region: PlaneRegion, resolution: number): Float32Array {
  const out = new Float32Array(resolution * resolution * 2);
  const size = (2 * region.half) / resolution;
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const i = (row * resolution + col) * 2;
      out[i] = region.cx - region.half + (col + 0.5) * size;
      out[i + 1] = region.cy + region.half - (row + 0.5) * size;
    }
  }
  return out;
}

/**
 * Sample points of a regular grid over the region: `lines` horizontal lines (bottom to top), each
 * sampled at `samples` points from left to right, then `lines` vertical lines (left to right), each
 * from bottom to top. Lines include the region's edges.
 */
export function warpGridPoints(region: PlaneRegion, lines: number, samples: number): Float32Array {
  const out = new Float32Array(2 * lines * samples * 2);
  const lo = (c: number) => c - region.half;
  const at = (i: number, count: number) => (count > 1 ? (2 * region.half * i) / (count - 1) : region.half);
  let p = 0;
  for (let l = 0; l < lines; l++) {
    for (let s = 0; s < samples; s++) {
      out[p++] = lo(region.cx) + at(s, samples);
      out[p++] = lo(region.cy) + at(l, lines);
    }
  }
  for (let l = 0; l < lines; l++) {
    for (let s = 0; s < samples; s++) {
      out[p++] = lo(region.cx) + at(l, lines);
      out[p++] = lo(region.cy) + at(s, samples);
    }
  }
  return out;
}

/** Bases of the velocity arrows: the centres of an arrows x arrows raster, like regionCellCenters. */
export function arrowBases(region: PlaneRegion, arrows: number): Float32Array {
  return regionCellCenters(region, arrows);
}

/** Sizes of a fields buffer. */
export interface FieldsLayout {
  blocks: number;
  resolution: number;
  /** Number of warped-grid points, 2 * lines * samples. */
  gridPoints: number;
  arrows: number;
}

export function fieldsLayout(request: FieldRequest, blocks: number): FieldsLayout {
  return {
    blocks,
    resolution: request.resolution,
    gridPoints: request.gridLines > 0 ? 2 * request.gridLines * request.gridSamples : 0,
    arrows: request.arrows,
  };
}

export interface FieldsViews {
  /** [G*G][2]: predicted class, then its probability. */
  regions: Float32Array;
  /** [(K+1)][P][2] */
  grid: Float32Array;
  /** [K][A*A][2] */
  arrows: Float32Array;
}

export function fieldsLength(layout: FieldsLayout): number {
  return (
    layout.resolution * layout.resolution * 2 +
    (layout.blocks + 1) * layout.gridPoints * 2 +
    layout.blocks * layout.arrows * layout.arrows * 2
  );
}

export function fieldsViews(data: Float32Array, layout: FieldsLayout): FieldsViews {
  if (data.length !== fieldsLength(layout)) {
    throw new Error(`Fields have ${data.length} values, their layout needs ${fieldsLength(layout)}.`);
  }
  let offset = 0;
  const take = (length: number) => data.subarray(offset, (offset += length));
  return {
    regions: take(layout.resolution * layout.resolution * 2),
    grid: take((layout.blocks + 1) * layout.gridPoints * 2),
    arrows: take(layout.blocks * layout.arrows * layout.arrows * 2),
  };
}
