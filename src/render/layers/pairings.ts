/**
 * Pairings of inputs with outputs: the optimal transport plan (each measured x_0 joined to its
 * optimally assigned output) and the network's own pairing (each x_0 joined to its own x_K).
 */
import type { TransportMeasures } from '../../core/measures';
import type { Frame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

export function drawPairings(
  dc: DrawContext,
  frame: Frame,
  measures: TransportMeasures | null,
  optimal: boolean,
  own: boolean,
): void {
  const { ctx, map } = dc;
  const n = frame.layout.trainPoints;
  const last = frame.layout.blocks * n * 2;
  const positions = frame.views.trainPositions;
  const segment = (from: number, to: number) => {
    ctx.moveTo(px(map, positions[2 * from]), py(map, positions[2 * from + 1]));
    ctx.lineTo(px(map, positions[last + 2 * to]), py(map, positions[last + 2 * to + 1]));
  };
  ctx.lineWidth = dc.dpr;
  if (own) {
    ctx.strokeStyle = dc.theme.own;
    ctx.setLineDash([3 * dc.dpr, 3 * dc.dpr]);
    ctx.beginPath();
    const indices = measures?.indices;
    const count = indices ? indices.length : n;
    for (let j = 0; j < count; j++) {
      const i = indices ? indices[j] : j;
      segment(i, i);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (optimal && measures && measures.indices.every((i) => i < n)) {
    ctx.strokeStyle = dc.theme.optimal;
    ctx.beginPath();
    for (let j = 0; j < measures.indices.length; j++)
      segment(measures.indices[j], measures.indices[measures.partnerOf[j]]);
    ctx.stroke();
  }
}
