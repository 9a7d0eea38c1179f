/**
 * One small picture per depth: the training cloud at x_0 (the input) and after each block, on the
 * same axes as the main view. Redrawn a few times a second at most.
 */
import { classColor } from '../core/palette';
import type { PlaneRegion } from '../core/viewport';
import { pixelMap } from '../core/viewport';
import type { FrameSource } from './frameSource';

/** Thumbnails redraw at most this often while frames arrive. */
const THUMBNAIL_INTERVAL_MS = 250;

export interface ThumbnailRenderer {
  /** Draws every thumbnail if a new frame arrived and enough time passed. */
  draw(now: number, canvases: readonly HTMLCanvasElement[], region: PlaneRegion): void;
  invalidate(): void;
}

export function createThumbnailRenderer(frames: FrameSource): ThumbnailRenderer {
  let drawnVersion = -1;
  let drawnAt = -Infinity;
  let drawnRegion: PlaneRegion | null = null;
  let drawnCount = -1;
  let background = '#ffffff';
  const readBackground = (canvas: HTMLCanvasElement) =>
    getComputedStyle(canvas).getPropertyValue('--canvas').trim() || '#ffffff';
  return {
    invalidate() {
      drawnVersion = -1;
      drawnAt = -Infinity;
    },
    draw(now, canvases, region) {
      const frame = frames.current();
      if (!frame || canvases.length === 0) return;
      const unchanged =
        frames.version() === drawnVersion && region === drawnRegion && canvases.length === drawnCount;
      if (unchanged || now - drawnAt < THUMBNAIL_INTERVAL_MS) return;
      drawnVersion = frames.version();
      drawnAt = now;
      drawnRegion = region;
      drawnCount = canvases.length;
      background = readBackground(canvases[0]);
      const { layout, views, run } = frame;
      const n = layout.trainPoints;
      canvases.forEach((canvas, k) => {
        if (k > layout.blocks) return;
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
      });
    },
  };
}
