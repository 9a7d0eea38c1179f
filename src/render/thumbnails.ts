/**
 * One small picture per depth: the training cloud at x_0 (the input) and after each block, on the
 * same axes as the main view. Thumbnails are refreshed a few at a time, round robin, each at most a
 * few times a second, so that no single frame pays for all of them. Each is rasterised into a reused
 * pixel buffer (a square dot per point) and put on its canvas in one call: thousands of points cost
 * a loop over an array, not thousands of canvas calls.
 */
import { CLASS_COLORS, pixelWord } from '../core/palette';
import { rasterizeDots } from '../core/raster';
import type { PlaneRegion } from '../core/viewport';
import { pixelMap } from '../core/viewport';
import type { Frame, FrameSource } from './frameSource';

/** A thumbnail is redrawn at most this often. */
const THUMBNAIL_INTERVAL_MS = 250;
/** Thumbnails drawn per frame at most. */
const PER_FRAME = 2;

export interface ThumbnailRenderer {
  /** Redraws the stalest thumbnails, a few per call. */
  draw(now: number, canvases: ArrayLike<HTMLCanvasElement>, region: PlaneRegion): void;
  /** The thumbnails were resized: measure them again (call it outside the frame loop). */
  resized(canvases: ArrayLike<HTMLCanvasElement>): void;
}

/** What one thumbnail shows and the pixels it reuses. */
interface Slot {
  version: number;
  region: PlaneRegion | null;
  background: number;
  at: number;
  image: ImageData | null;
  /** Side of the canvas in CSS pixels (0: not measured yet). */
  side: number;
}

/** Class colours as 32-bit pixels, as the dot rasteriser takes them. */
const CLASS_PIXELS = Uint32Array.from(CLASS_COLORS, (hex) => pixelWord(hex));

/**
 * The canvas background of the current theme as a pixel. It is read from the stylesheet only when
 * the theme changes (data-theme on <html>), never on every frame: reading computed style forces the
 * browser to recompute styles.
 */
function createBackgroundReader(): (canvas: HTMLCanvasElement) => number {
  let theme: string | undefined;
  let pixel = pixelWord('#ffffff');
  return (canvas) => {
    const current = document.documentElement.dataset.theme;
    if (current !== theme) {
      theme = current;
      const ctx = canvas.getContext('2d')!;
      // fillStyle normalises an opaque CSS colour (the theme canvas colour is one) to #rrggbb.
      ctx.fillStyle = getComputedStyle(canvas).getPropertyValue('--canvas').trim() || '#ffffff';
      pixel = pixelWord(String(ctx.fillStyle));
    }
    return pixel;
  };
}

function drawThumbnail(
  canvas: HTMLCanvasElement,
  slot: Slot,
  frame: Frame,
  k: number,
  region: PlaneRegion,
  background: number,
) {
  const { layout, views, run } = frame;
  const n = layout.trainPoints;
  const dpr = window.devicePixelRatio || 1;
  // Measured once (a new thumbnail) or after a resize, never on every draw: it would force a layout.
  slot.side ||= canvas.clientWidth;
  const size = Math.max(1, Math.round(slot.side * dpr));
  if (canvas.width !== size) {
    canvas.width = size;
    canvas.height = size;
  }
  if (!slot.image || slot.image.width !== size) slot.image = new ImageData(size, size);
  const pixels = new Uint32Array(slot.image.data.buffer);
  pixels.fill(background);
  const positions = views.trainPositions.subarray(k * n * 2, (k + 1) * n * 2);
  const dot = Math.max(1, Math.round(1.6 * dpr));
  rasterizeDots(
    pixels,
    size,
    size,
    pixelMap(region, size, size),
    positions,
    run.trainLabels,
    CLASS_PIXELS,
    dot,
  );
  canvas.getContext('2d', { alpha: false })!.putImageData(slot.image, 0, 0);
}

export function createThumbnailRenderer(frames: FrameSource): ThumbnailRenderer {
  const slots: Slot[] = [];
  const backgroundOf = createBackgroundReader();
  let cursor = 0;
  return {
    resized(canvases) {
      slots.forEach((slot, k) => {
        slot.side = k < canvases.length ? canvases[k].clientWidth : 0;
        slot.region = null;
      });
    },
    draw(now, canvases, region) {
      const frame = frames.current();
      if (!frame || canvases.length === 0) return;
      const count = Math.min(canvases.length, frame.layout.blocks + 1);
      while (slots.length < count)
        slots.push({ version: -1, region: null, background: 0, at: -Infinity, image: null, side: 0 });
      const background = backgroundOf(canvases[0]);
      let drawn = 0;
      for (let visited = 0; visited < count && drawn < PER_FRAME; visited++) {
        const k = (cursor + visited) % count;
        const s = slots[k];
        const sameLook = s.region === region && s.background === background;
        // A new region (zoom, pan, a new run) or theme is shown at once; new weights at the
        // thumbnail's pace.
        if (sameLook && (s.version === frames.version() || now - s.at < THUMBNAIL_INTERVAL_MS)) continue;
        drawThumbnail(canvases[k], s, frame, k, region, background);
        s.version = frames.version();
        s.region = region;
        s.background = background;
        s.at = now;
        drawn++;
        cursor = (k + 1) % count;
      }
    },
  };
}
