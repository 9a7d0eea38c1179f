/**
 * A user's own points in a compact, URL-safe form: each point is 3 bytes (x and y quantised to 11 bits
 * over [-4, 4], about 0.004 apart, and a 2-bit class), base64url-encoded: 4 characters per point.
 */
import { fromBase64Url, toBase64Url } from './base64url';
import type { PointSet } from './types';

/** Points are kept within [-EXTENT, EXTENT] on both axes. */
export const POINT_EXTENT = 4;
/** Most points a user can place. */
export const MAX_OWN_POINTS = 2000;
/** Most classes of own data. */
export const MAX_OWN_CLASSES = 4;

const LEVELS = 2048;

/** The quantised value of a coordinate (clamped to the extent). */
function quantise(v: number): number {
  const t = (Math.min(Math.max(v, -POINT_EXTENT), POINT_EXTENT) + POINT_EXTENT) / (2 * POINT_EXTENT);
  return Math.min(LEVELS - 1, Math.round(t * (LEVELS - 1)));
}

function dequantise(q: number): number {
  return (q / (LEVELS - 1)) * 2 * POINT_EXTENT - POINT_EXTENT;
}

/** Rounds coordinates to what the encoding keeps, so that encoding is exact afterwards. */
export function snapCoordinate(v: number): number {
  return dequantise(quantise(v));
}

/** Own points to text: 4 characters per point. */
export function encodePoints(x: ArrayLike<number>, y: ArrayLike<number>): string {
  const n = y.length;
  const bytes = new Uint8Array(3 * n);
  for (let i = 0; i < n; i++) {
    const word = (quantise(x[2 * i]) << 13) | (quantise(x[2 * i + 1]) << 2) | (y[i] & 3);
    bytes[3 * i] = word >>> 16;
    bytes[3 * i + 1] = (word >>> 8) & 255;
    bytes[3 * i + 2] = word & 255;
  }
  return toBase64Url(bytes);
}

/** Text back to points, or null when it is not such text. */
export function decodePoints(text: string): { x: Float32Array; y: Uint8Array } | null {
  if (text.length % 4 !== 0) return null;
  const bytes = fromBase64Url(text);
  if (!bytes || bytes.length % 3 !== 0) return null;
  const n = bytes.length / 3;
  const x = new Float32Array(2 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const word = (bytes[3 * i] << 16) | (bytes[3 * i + 1] << 8) | bytes[3 * i + 2];
    x[2 * i] = dequantise((word >>> 13) & (LEVELS - 1));
    x[2 * i + 1] = dequantise((word >>> 2) & (LEVELS - 1));
    y[i] = word & 3;
  }
  return { x, y };
}

/** Number of classes own points need: one more than the largest label, at least 2. */
export function ownClasses(y: ArrayLike<number>): number {
  let max = 1;
  for (let i = 0; i < y.length; i++) max = Math.max(max, y[i]);
  return Math.min(MAX_OWN_CLASSES, max + 1);
}

/** Own points as a point set. */
export function ownPointSet(points: { x: Float32Array; y: Uint8Array }): PointSet {
  return { x: points.x, y: points.y, classes: ownClasses(points.y) };
}
