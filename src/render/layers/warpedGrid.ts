/** The image of a regular grid under the flow up to depth t: how the network bends the plane. */
import { interpolateDepth } from '../../core/interpolate';
import type { FieldsFrame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

export function drawWarpedGrid(
  dc: DrawContext,
  fields: FieldsFrame,
  depth: number,
  scratch: Float32Array,
): void {
  const { gridPoints, blocks } = fields.layout;
  const { gridLines, gridSamples } = fields.request;
  if (gridPoints === 0) return;
  interpolateDepth(fields.views.grid, gridPoints, blocks, depth, scratch);
  const { ctx, map } = dc;
  ctx.strokeStyle = dc.theme.warp;
  ctx.lineWidth = dc.dpr;
  ctx.beginPath();
  for (let line = 0; line < 2 * gridLines; line++) {
    for (let s = 0; s < gridSamples; s++) {
      const i = (line * gridSamples + s) * 2;
      const X = px(map, scratch[i]);
      const Y = py(map, scratch[i + 1]);
      if (s === 0) ctx.moveTo(X, Y);
      else ctx.lineTo(X, Y);
    }
  }
  ctx.stroke();
}
