/** What every layer of the transport view draws with. */
import type { PixelMap } from '../../core/viewport';

/** Canvas colours of the current theme, read from CSS custom properties. */
export interface ThemeColors {
  background: string;
  grid: string;
  axis: string;
  warp: string;
  arrow: string;
  optimal: string;
  own: string;
  /** The Monge-gap trail colours (#rrggbb): negative end, zero, positive end. */
  gapNegative: string;
  gapZero: string;
  gapPositive: string;
}

export interface DrawContext {
  ctx: CanvasRenderingContext2D;
  map: PixelMap;
  /** Device pixels per CSS pixel. */
  dpr: number;
  width: number;
  height: number;
  theme: ThemeColors;
}

/** Pixel x of a plane x. */
export const px = (map: PixelMap, x: number) => x * map.scale + map.offsetX;
/** Pixel y of a plane y (y up on screen). */
export const py = (map: PixelMap, y: number) => -y * map.scale + map.offsetY;
