/**
 * Trails: each particle's whole trajectory x_0 -> x_K as a polyline, coloured by class or by its
 * straightness (chord over path length), one path per colour.
 */
import { classColor, SEQUENTIAL_STOPS, sequentialBin } from '../../core/palette';
import type { TrailColoring } from '../../scenario/schema';
import type { Frame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

export interface TrailOptions {
  coloring: TrailColoring;
  opacity: number;
  /** Trails drawn at most (the first particles: the data are shuffled, so a random sample). */
  cap: number;
}

export function drawTrails(
  dc: DrawContext,
  frame: Frame,
  options: TrailOptions,
  straightness: Float32Array,
): void {
  const { ctx, map } = dc;
  const n = frame.layout.trainPoints;
  const K = frame.layout.blocks;
  const positions = frame.views.trainPositions;
  const labels = frame.run.trainLabels;
  const count = Math.min(options.cap, n);
  const byClass = options.coloring === 'class';
  const groups = byClass ? frame.run.classes : SEQUENTIAL_STOPS.length;
  ctx.globalAlpha = options.opacity;
  ctx.lineWidth = 1.1 * dc.dpr;
  for (let group = 0; group < groups; group++) {
    ctx.beginPath();
    for (let i = 0; i < count; i++) {
      if ((byClass ? labels[i] : sequentialBin(straightness[i])) !== group) continue;
      for (let k = 0; k <= K; k++) {
        const j = (k * n + i) * 2;
        const X = px(map, positions[j]);
        const Y = py(map, positions[j + 1]);
        if (k === 0) ctx.moveTo(X, Y);
        else ctx.lineTo(X, Y);
      }
    }
    ctx.strokeStyle = byClass ? classColor(group) : SEQUENTIAL_STOPS[group];
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
