/** A small picture of a dataset's training points (for the preset gallery): drawn once, no training. */
import { makeDataset } from '../core/datasets';
import { classColor } from '../core/palette';
import type { DatasetSpec } from '../core/types';
import { fitRegion, pixelMap } from '../core/viewport';

export function drawDatasetPreview(canvas: HTMLCanvasElement, spec: DatasetSpec): void {
  const dpr = window.devicePixelRatio || 1;
  const size = Math.max(1, Math.round((canvas.clientWidth || 96) * dpr));
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { train } = makeDataset({ ...spec, nTest: 0 });
  const map = pixelMap(fitRegion(train.x), size, size);
  ctx.fillStyle = getComputedStyle(canvas).getPropertyValue('--canvas').trim() || '#ffffff';
  ctx.fillRect(0, 0, size, size);
  const dot = Math.max(1.5, 2 * dpr);
  for (let i = 0; i < train.y.length; i++) {
    ctx.fillStyle = classColor(train.y[i]);
    ctx.fillRect(
      train.x[2 * i] * map.scale + map.offsetX - dot / 2,
      -train.x[2 * i + 1] * map.scale + map.offsetY - dot / 2,
      dot,
      dot,
    );
  }
}
