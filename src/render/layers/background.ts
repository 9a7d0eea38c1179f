/** The plane's grid and axes behind everything else. */
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

/** Grid line spacing in plane units for a given visible half-size: 1, 2 or 5 times a power of ten. */
export function gridStep(half: number): number {
  const raw = half / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
}

export function drawBackground(dc: DrawContext, half: number): void {
  const { ctx, map, width, height, theme } = dc;
  ctx.fillStyle = theme.background;
  ctx.fillRect(0, 0, width, height);
  const step = gridStep(half);
  const xMin = -map.offsetX / map.scale;
  const xMax = (width - map.offsetX) / map.scale;
  const yMin = (map.offsetY - height) / map.scale;
  const yMax = map.offsetY / map.scale;
  ctx.lineWidth = dc.dpr;
  ctx.strokeStyle = theme.grid;
  ctx.beginPath();
  for (let x = Math.ceil(xMin / step) * step; x <= xMax; x += step) {
    const X = Math.round(px(map, x)) + 0.5;
    ctx.moveTo(X, 0);
    ctx.lineTo(X, height);
  }
  for (let y = Math.ceil(yMin / step) * step; y <= yMax; y += step) {
    const Y = Math.round(py(map, y)) + 0.5;
    ctx.moveTo(0, Y);
    ctx.lineTo(width, Y);
  }
  ctx.stroke();
  ctx.strokeStyle = theme.axis;
  ctx.beginPath();
  ctx.moveTo(Math.round(px(map, 0)) + 0.5, 0);
  ctx.lineTo(Math.round(px(map, 0)) + 0.5, height);
  ctx.moveTo(0, Math.round(py(map, 0)) + 0.5);
  ctx.lineTo(width, Math.round(py(map, 0)) + 0.5);
  ctx.stroke();
}
