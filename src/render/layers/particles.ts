/**
 * Particles at depth t: training points as filled dots, test points as rings, in their class
 * colour, one path per class so that a frame costs a handful of strokes however many particles.
 * A dot is a (nearly) zero-length segment stroked with round caps: the same disc as an arc, at about
 * a third of the cost per point (measured in headless Chromium with 3,000 points).
 */
import { interpolateDepth } from '../../core/interpolate';
import { classColor } from '../../core/palette';
import type { Frame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

/** Dot radius in CSS pixels: smaller when there are many points. */
export function dotRadius(points: number): number {
  return Math.max(2, Math.min(5, 75 / Math.sqrt(points + 1)));
}

function drawCloud(
  dc: DrawContext,
  xy: Float32Array,
  labels: Uint8Array,
  points: number,
  classes: number,
  radius: number,
  filled: boolean,
): void {
  const { ctx, map } = dc;
  const ringWidth = ctx.lineWidth;
  if (filled) {
    ctx.lineCap = 'round';
    ctx.lineWidth = 2 * radius;
  }
  for (let c = 0; c < classes; c++) {
    ctx.beginPath();
    for (let i = 0; i < points; i++) {
      if (labels[i] !== c) continue;
      const X = px(map, xy[2 * i]);
      const Y = py(map, xy[2 * i + 1]);
      if (filled) {
        ctx.moveTo(X, Y);
        // WebKit drops a lineTo to the current point (the spec prunes zero-length segments), so the
        // segment is a hundredth of a pixel long: the same disc, and drawn in every engine.
        ctx.lineTo(X + 0.01, Y);
      } else {
        ctx.moveTo(X + radius, Y);
        ctx.arc(X, Y, radius, 0, 2 * Math.PI);
      }
    }
    ctx.strokeStyle = classColor(c);
    ctx.stroke();
  }
  ctx.lineCap = 'butt';
  ctx.lineWidth = ringWidth;
}

export function drawParticles(
  dc: DrawContext,
  frame: Frame,
  depth: number,
  show: { train: boolean; test: boolean },
  scratch: Float32Array,
): void {
  const { layout, views, run } = frame;
  const radius = dotRadius(layout.trainPoints) * dc.dpr;
  if (show.test) {
    interpolateDepth(views.testPositions, layout.testPoints, layout.blocks, depth, scratch);
    dc.ctx.lineWidth = 1.2 * dc.dpr;
    dc.ctx.globalAlpha = 0.6;
    drawCloud(dc, scratch, run.testLabels, layout.testPoints, run.classes, radius * 0.75, false);
    dc.ctx.globalAlpha = 1;
  }
  if (show.train) {
    interpolateDepth(views.trainPositions, layout.trainPoints, layout.blocks, depth, scratch);
    drawCloud(dc, scratch, run.trainLabels, layout.trainPoints, run.classes, radius, true);
  }
}

/** The user's own points as drawn: dots in their class colour, ringed in the canvas colour. */
export function drawOwnPoints(dc: DrawContext, points: { x: Float32Array; y: Uint8Array }): void {
  const n = points.y.length;
  const radius = (dotRadius(n) + 1) * dc.dpr;
  drawCloud(dc, points.x, points.y, n, 4, radius, true);
  const { ctx, map } = dc;
  ctx.lineWidth = 1.5 * dc.dpr;
  ctx.strokeStyle = dc.theme.background;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const X = px(map, points.x[2 * i]);
    const Y = py(map, points.x[2 * i + 1]);
    ctx.moveTo(X + radius, Y);
    ctx.arc(X, Y, radius, 0, 2 * Math.PI);
  }
  ctx.stroke();
}
