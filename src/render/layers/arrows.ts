/**
 * The velocity field of the block at depth t: arrows of its displacement h v_k. Arrows are drawn at
 * true scale unless the longest would overrun its grid cell; then all are shrunk by the same factor,
 * which is written in the corner.
 */
import { blockAt } from '../../core/interpolate';
import type { FieldsFrame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

/** Arrowhead length as a share of the arrow, and the largest head in CSS pixels. */
const HEAD_SHARE = 0.3;
const HEAD_MAX = 6;
/** The longest arrow covers at most this share of its grid cell. */
const MAX_CELL_SHARE = 0.95;

export function drawArrows(dc: DrawContext, fields: FieldsFrame, depth: number, bases: Float32Array): void {
  const { arrows, blocks } = fields.layout;
  if (arrows === 0 || blocks === 0) return;
  const count = arrows * arrows;
  const offset = blockAt(depth, blocks) * count * 2;
  const d = fields.views.arrows;
  const { ctx, map } = dc;
  // Math.sqrt rather than Math.hypot in per-frame loops: V8 does not inline hypot, and the boxed
  // numbers it allocates would show up as garbage every frame.
  let longestSquared = 0;
  for (let i = 0; i < count; i++) {
    const x = d[offset + 2 * i];
    const y = d[offset + 2 * i + 1];
    longestSquared = Math.max(longestSquared, x * x + y * y);
  }
  const longest = Math.sqrt(longestSquared);
  const cell = (2 * fields.request.region.half) / arrows;
  const shrink = longest > MAX_CELL_SHARE * cell ? (MAX_CELL_SHARE * cell) / longest : 1;
  const scale = map.scale * shrink;
  ctx.strokeStyle = dc.theme.arrow;
  ctx.lineWidth = 1.2 * dc.dpr;
  ctx.beginPath();
  for (let i = 0; i < count; i++) {
    const x0 = px(map, bases[2 * i]);
    const y0 = py(map, bases[2 * i + 1]);
    const dx = d[offset + 2 * i] * scale;
    const dy = -d[offset + 2 * i + 1] * scale;
    const length = Math.sqrt(dx * dx + dy * dy);
    if (length < 0.5 * dc.dpr) continue;
    const x1 = x0 + dx;
    const y1 = y0 + dy;
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    const head = Math.min(HEAD_SHARE * length, HEAD_MAX * dc.dpr);
    const ux = dx / length;
    const uy = dy / length;
    ctx.moveTo(x1 - head * (ux - 0.5 * uy), y1 - head * (uy + 0.5 * ux));
    ctx.lineTo(x1, y1);
    ctx.lineTo(x1 - head * (ux + 0.5 * uy), y1 - head * (uy - 0.5 * ux));
  }
  ctx.stroke();
  if (shrink < 1) {
    ctx.fillStyle = dc.theme.arrow;
    ctx.font = `${11 * dc.dpr}px system-ui, sans-serif`;
    ctx.fillText(`arrows ×${shrink.toPrecision(2)}`, 8 * dc.dpr, dc.height - 8 * dc.dpr);
  }
}
