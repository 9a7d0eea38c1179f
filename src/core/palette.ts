/**
 * Colours. Classes use the Okabe-Ito palette, distinguishable with the common colour-vision
 * deficiencies and on projectors.
 */
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of class c (cycling if there are more classes than colours). */
export function classColor(c: number): string {
  return CLASS_COLORS[c % CLASS_COLORS.length];
}

/** Viridis at nine even stops: a sequential map readable with colour-vision deficiencies. */
export const SEQUENTIAL_STOPS = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
] as const;

/** The sequential colour bin of a value in [0, 1] (clamped). */
export function sequentialBin(value: number): number {
  const v = Number.isFinite(value) ? Math.min(Math.max(value, 0), 1) : 0;
  return Math.min(SEQUENTIAL_STOPS.length - 1, Math.floor(v * SEQUENTIAL_STOPS.length));
}

/** [r, g, b] of a #rrggbb colour. */
export function rgbOf(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
