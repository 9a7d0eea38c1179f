/**
 * Draws the particles of a frame at a continuous depth t in [0, K]: positions are interpolated
 * linearly between layers floor(t) and ceil(t). Training points are filled dots, test points small
 * rings, both in their class colour, on fixed axes with a light grid.
 */
import { classColor } from '../core/palette';
import type { PixelMap } from '../core/viewport';
import { pixelMap } from '../core/viewport';
import type { Frame } from './frameSource';

export interface ParticleView {
  /** Depth t in [0, K]. */
  depth: number;
  showTest: boolean;
}

export interface ParticleRenderer {
  /** Draws if the frame, the view or the canvas size changed since the last draw. */
  draw(frame: Frame | null, frameVersion: number, view: ParticleView): void;
  /** Forces a redraw on the next call (after a resize or theme change). */
  invalidate(): void;
}

/** Grid line spacing in plane units for a given visible half-size. */
function gridStep(half: number): number {
  const raw = half / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

export function createParticleRenderer(canvas: HTMLCanvasElement): ParticleRenderer {
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw on a 2D canvas.');
  const ctx = context;
  let drawnVersion = -1;
  let drawnDepth = NaN;
  let drawnTest = true;
  let dirty = true;
  let colors = readColors();

  /** Theme colours from CSS custom properties, read again after invalidate(). */
  function readColors() {
    const style = getComputedStyle(canvas);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      background: read('--canvas', '#ffffff'),
      grid: read('--grid', '#e5e7eb'),
      axis: read('--axis', '#9ca3af'),
    };
  }

  function drawGrid(map: PixelMap, frame: Frame, width: number, height: number) {
    const { region } = frame;
    const step = gridStep(region.half);
    const toX = (x: number) => x * map.scale + map.offsetX;
    const toY = (y: number) => -y * map.scale + map.offsetY;
    const xMin = (0 - map.offsetX) / map.scale;
    const xMax = (width - map.offsetX) / map.scale;
    const yMin = (map.offsetY - height) / map.scale;
    const yMax = map.offsetY / map.scale;
    ctx.lineWidth = 1;
    ctx.strokeStyle = colors.grid;
    ctx.beginPath();
    for (let x = Math.ceil(xMin / step) * step; x <= xMax; x += step) {
      ctx.moveTo(Math.round(toX(x)) + 0.5, 0);
      ctx.lineTo(Math.round(toX(x)) + 0.5, height);
    }
    for (let y = Math.ceil(yMin / step) * step; y <= yMax; y += step) {
      ctx.moveTo(0, Math.round(toY(y)) + 0.5);
      ctx.lineTo(width, Math.round(toY(y)) + 0.5);
    }
    ctx.stroke();
    ctx.strokeStyle = colors.axis;
    ctx.beginPath();
    ctx.moveTo(Math.round(toX(0)) + 0.5, 0);
    ctx.lineTo(Math.round(toX(0)) + 0.5, height);
    ctx.moveTo(0, Math.round(toY(0)) + 0.5);
    ctx.lineTo(width, Math.round(toY(0)) + 0.5);
    ctx.stroke();
  }

  function drawPoints(
    positions: Float32Array,
    labels: Uint8Array,
    points: number,
    depth: number,
    blocks: number,
    classes: number,
    map: PixelMap,
    radius: number,
    filled: boolean,
  ) {
    const t = Math.min(Math.max(depth, 0), blocks);
    const lower = Math.min(Math.floor(t), blocks);
    const upper = Math.min(lower + 1, blocks);
    const w = t - lower;
    const a = lower * points * 2;
    const b = upper * points * 2;
    // One path per class: a handful of fills per frame however many particles there are.
    for (let c = 0; c < classes; c++) {
      ctx.beginPath();
      let any = false;
      for (let i = 0; i < points; i++) {
        if (labels[i] !== c) continue;
        const x = positions[a + 2 * i] * (1 - w) + positions[b + 2 * i] * w;
        const y = positions[a + 2 * i + 1] * (1 - w) + positions[b + 2 * i + 1] * w;
        const px = x * map.scale + map.offsetX;
        const py = -y * map.scale + map.offsetY;
        ctx.moveTo(px + radius, py);
        ctx.arc(px, py, radius, 0, 2 * Math.PI);
        any = true;
      }
      if (!any) continue;
      if (filled) {
        ctx.fillStyle = classColor(c);
        ctx.fill();
      } else {
        ctx.strokeStyle = classColor(c);
        ctx.stroke();
      }
    }
  }

  return {
    invalidate() {
      dirty = true;
      colors = readColors();
    },
    draw(frame, frameVersion, view) {
      if (!dirty && frameVersion === drawnVersion && view.depth === drawnDepth && view.showTest === drawnTest)
        return;
      dirty = false;
      drawnVersion = frameVersion;
      drawnDepth = view.depth;
      drawnTest = view.showTest;
      const dpr = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * dpr));
      const height = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      ctx.fillStyle = colors.background;
      ctx.fillRect(0, 0, width, height);
      if (!frame) return;
      const map = pixelMap(frame.region, width, height);
      drawGrid(map, frame, width, height);
      const { layout, views, run } = frame;
      const radius = Math.max(2, Math.min(5, 900 / Math.sqrt(layout.trainPoints + 1) / 12)) * dpr;
      if (view.showTest) {
        ctx.lineWidth = 1.2 * dpr;
        ctx.globalAlpha = 0.55;
        drawPoints(
          views.testPositions,
          run.testLabels,
          layout.testPoints,
          view.depth,
          layout.blocks,
          run.classes,
          map,
          radius * 0.7,
          false,
        );
        ctx.globalAlpha = 1;
      }
      drawPoints(
        views.trainPositions,
        run.trainLabels,
        layout.trainPoints,
        view.depth,
        layout.blocks,
        run.classes,
        map,
        radius,
        true,
      );
    },
  };
}
