/**
 * Trails: each particle's whole trajectory x_0 -> x_K as a polyline, one path per colour group
 * (trailColors.ts), the neutral ones (particles without a colour of their own) dashed and faint.
 */
import type { Frame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';
import type { TrailGroups } from './trailColors';
import { NEUTRAL } from './trailColors';

export interface TrailOptions {
  opacity: number;
  /** Trails drawn at most (the first particles: the data are shuffled, so a random sample). */
  cap: number;
}

export function drawTrails(dc: DrawContext, frame: Frame, options: TrailOptions, groups: TrailGroups): void {
  const { ctx, map } = dc;
  const n = frame.layout.trainPoints;
  const K = frame.layout.blocks;
  const positions = frame.views.trainPositions;
  const { groupOf, colors } = groups;
  const count = Math.min(options.cap, n);
  const path = (group: number) => {
    ctx.beginPath();
    for (let i = 0; i < count; i++) {
      if (groupOf[i] !== group) continue;
      for (let k = 0; k <= K; k++) {
        const j = (k * n + i) * 2;
        const X = px(map, positions[j]);
        const Y = py(map, positions[j + 1]);
        if (k === 0) ctx.moveTo(X, Y);
        else ctx.lineTo(X, Y);
      }
    }
  };
  ctx.lineWidth = 1.1 * dc.dpr;
  let neutral = false;
  for (let i = 0; i < count && !neutral; i++) neutral = groupOf[i] === NEUTRAL;
  if (neutral) {
    ctx.globalAlpha = options.opacity * 0.6;
    ctx.setLineDash([3 * dc.dpr, 3 * dc.dpr]);
    path(NEUTRAL);
    ctx.strokeStyle = dc.theme.own;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.globalAlpha = options.opacity;
  for (let group = 0; group < colors.length; group++) {
    path(group);
    ctx.strokeStyle = colors[group];
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}
