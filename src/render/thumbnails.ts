/**
 * One small picture per depth: the training cloud at x_0 (the input) and after each block, on the
 * same axes as the main view. Thumbnails are refreshed a few at a time, round robin, each at most a
 * few times a second, so that no single frame pays for all of them.
 */
import { classColor } from '../core/palette';
import type { PlaneRegion } from '../core/viewport';
import { pixelMap } from '../core/viewport';
import type { Frame, FrameSource } from './frameSource';

/** A thumbnail is redrawn at most this often. */
const THUMBNAIL_INTERVAL_MS = 250;
/** Thumbnails drawn per frame at most. */
const PER_FRAME = 2;

export interface ThumbnailRenderer {
  /** Redraws the stalest thumbnails, a few per call. */
  draw(now: number, canvases: readonly HTMLCanvasElement[], region: PlaneRegion): void;
}

function drawThumbnail(
  canvas: HTMLCanvasElement,
  frame: Frame,
  k: number,
  region: PlaneRegion,
  background: string,
) {
  const { layout, views, run } = frame;
  const n = layout.trainPoints;
  const dpr = window.devicePixelRatio || 1;
  const size = Math.max(1, Math.round(canvas.clientWidth * dpr));
  if (canvas.width !== size) {
    canvas.width = size;
    canvas.height = size;
  }
  const ctx = canvas.getContext('2d', { alpha: false })!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  const map = pixelMap(region, size, size);
  const dot = Math.max(1, Math.round(1.6 * dpr));
  for (let c = 0; c < run.classes; c++) {
    ctx.fillStyle = classColor(c);
    for (let i = 0; i < n; i++) {
      if (run.trainLabels[i] !== c) continue;
      const j = (k * n + i) * 2;
      ctx.fillRect(
        views.trainPositions[j] * map.scale + map.offsetX - dot / 2,
        -views.trainPositions[j + 1] * map.scale + map.offsetY - dot / 2,
        dot,
        dot,
      );
    }
  }
}

export function createThumbnailRenderer(frames: FrameSource): ThumbnailRenderer {
  // Per thumbnail: the frame version and region it shows, and when it was drawn.
  const shown: { version: number; region: PlaneRegion | null; at: number }[] = [];
  let cursor = 0;
  return {
    draw(now, canvases, region) {
      const frame = frames.current();
      if (!frame || canvases.length === 0) return;
      const count = Math.min(canvases.length, frame.layout.blocks + 1);
      while (shown.length < count) shown.push({ version: -1, region: null, at: -Infinity });
      const background = getComputedStyle(canvases[0]).getPropertyValue('--canvas').trim() || '#ffffff';
      let drawn = 0;
      for (let visited = 0; visited < count && drawn < PER_FRAME; visited++) {
        const k = (cursor + visited) % count;
        const s = shown[k];
        const stale = s.version !== frames.version() || s.region !== region;
        // A new region (zoom, pan, a new run) is shown at once; new weights at the thumbnail's pace.
        if (!stale || (s.region === region && now - s.at < THUMBNAIL_INTERVAL_MS)) continue;
        drawThumbnail(canvases[k], frame, k, region, background);
        shown[k] = { version: frames.version(), region, at: now };
        drawn++;
        cursor = (k + 1) % count;
      }
    },
  };
}
