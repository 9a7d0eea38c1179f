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

/** Number of colour bins of a diverging map; the middle one (DIVERGING_BINS >> 1) is exactly 0. */
export const DIVERGING_BINS = 9;

/**
 * The diverging bin of a value against a scale: the middle bin for exactly 0, then one to four bins
 * to either side by |value| / scale (any value other than 0 at least one bin away; |value| >= scale
 * in the outermost bin). Not finite, or a scale of 0 with a value other than 0: the outermost bin of
 * its sign.
 */
export function divergingBin(value: number, scale: number): number {
  const middle = DIVERGING_BINS >> 1;
  if (value === 0 || Number.isNaN(value)) return middle;
  const t = scale > 0 ? Math.min(1, Math.abs(value) / scale) : 1;
  return middle + Math.sign(value) * Math.max(1, Math.ceil(t * middle));
}

/**
 * The DIVERGING_BINS colours from `negative` through `zero` to `positive` (#rrggbb each), mixed
 * evenly in RGB: the trail colours of a diverging measure, whose ends come from the theme.
 */
export function divergingStops(negative: string, zero: string, positive: string): string[] {
  const middle = DIVERGING_BINS >> 1;
  const mix = (a: string, b: string, t: number) => {
    const [from, to] = [rgbOf(a), rgbOf(b)];
    const channel = (c: number) => Math.round(from[c] + (to[c] - from[c]) * t);
    return `#${((1 << 24) | (channel(0) << 16) | (channel(1) << 8) | channel(2)).toString(16).slice(1)}`;
  };
  return Array.from({ length: DIVERGING_BINS }, (_, bin) =>
    bin <= middle ? mix(negative, zero, bin / middle) : mix(zero, positive, (bin - middle) / middle),
  );
}
