/**
 * Drawing points straight into a pixel buffer (an ImageData's bytes seen as one 32-bit word per
 * pixel), for small pictures of thousands of points where one canvas call per point would cost more
 * than the picture is worth.
 */
import type { PixelMap } from './viewport';

/**
 * Writes a `dot` x `dot` square of colour `colors[labels[i]]` centred on each point of `positions`
 * ([n][2] flat, plane coordinates, y up) mapped by `map`; points drawn later cover earlier ones.
 * Squares are clipped to the buffer; non-finite points are skipped.
 *
 * @param pixels width * height pixels, row by row from the top
 * @param colors one 32-bit pixel per class
 */
export function rasterizeDots(
  pixels: Uint32Array,
  width: number,
  height: number,
  map: PixelMap,
  positions: Float32Array,
  labels: Uint8Array,
  colors: Uint32Array,
  dot: number,
): void {
  const n = Math.min(labels.length, positions.length >> 1);
  const half = dot / 2;
  for (let i = 0; i < n; i++) {
    const X = positions[2 * i] * map.scale + map.offsetX;
    const Y = -positions[2 * i + 1] * map.scale + map.offsetY;
    if (!Number.isFinite(X) || !Number.isFinite(Y)) continue;
    const x0 = Math.max(0, Math.round(X - half));
    const y0 = Math.max(0, Math.round(Y - half));
    const x1 = Math.min(width, Math.round(X - half) + dot);
    const y1 = Math.min(height, Math.round(Y - half) + dot);
    const color = colors[labels[i] % colors.length];
    // Plain loops: the squares are a few pixels, where TypedArray.fill's call costs more than it saves.
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) pixels[y * width + x] = color;
  }
}
