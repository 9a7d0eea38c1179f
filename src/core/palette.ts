/**
 * Colours. Classes use the Okabe-Ito palette, distinguishable with the common colour-vision
 * deficiencies and on projectors.
 */
export const CLASS_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7'] as const;

/** The colour of class c (cycling if there are more classes than colours). */
export function classColor(c: number): string {
  return CLASS_COLORS[c % CLASS_COLORS.length];
}

/**
 * Viridis from 0 to 0.85 at nine even stops: a sequential map readable with colour-vision
 * deficiencies. Its palest yellow end is left out so that lines stay visible on a light canvas.
 */
export const SEQUENTIAL_STOPS = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
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

/**
 * A #rrggbb colour with an alpha in 0..255 as one pixel of an ImageData buffer seen as 32-bit words
 * (bytes R, G, B, A in memory: little-endian, as every browser platform is).
 */
export function pixelWord(hex: string, alpha = 255): number {
  const [r, g, b] = rgbOf(hex);
  return ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
