/**
 * Decision regions: the raster of predicted classes from the worker, coloured by class and shaded by
 * confidence (or flat when discretised), drawn scaled over the region it was computed for. The image
 * is rebuilt only when new fields arrive or the style changes.
 */
import { classColor, pixelWord } from '../../core/palette';
import type { RegionStyle } from '../../scenario/schema';
import type { FieldsFrame } from '../frameSource';
import type { DrawContext } from './drawContext';
import { px, py } from './drawContext';

/** Strongest tint of a region (at full confidence). */
const MAX_ALPHA = 0.42;
/** Tint of a discretised region. */
const FLAT_ALPHA = 0.26;
/** Colour bits of a cell whose class is unknown (not a number): grey. */
const UNKNOWN = pixelWord('#808080', 0);

export interface RegionsLayer {
  draw(
    dc: DrawContext,
    fields: FieldsFrame,
    fieldsVersion: number,
    style: RegionStyle,
    classes: number,
  ): void;
}

export function createRegionsLayer(): RegionsLayer {
  const image = document.createElement('canvas');
  const imageContext = image.getContext('2d')!;
  let pixels: ImageData | null = null;
  let builtVersion = -1;
  let builtStyle: RegionStyle | null = null;

  function build(fields: FieldsFrame, style: RegionStyle, classes: number) {
    const g = fields.layout.resolution;
    if (image.width !== g || !pixels) {
      image.width = g;
      image.height = g;
      pixels = imageContext.createImageData(g, g);
    }
    // One 32-bit word per pixel (little-endian RGBA): colour bits per class, alpha per cell.
    const words = new Uint32Array(pixels.data.buffer);
    const colors = Uint32Array.from({ length: classes }, (_, c) => pixelWord(classColor(c), 0));
    const chance = 1 / classes;
    const regions = fields.views.regions;
    for (let cell = 0; cell < g * g; cell++) {
      const confidence = regions[2 * cell + 1];
      const alpha = style === 'discrete' ? FLAT_ALPHA : (MAX_ALPHA * (confidence - chance)) / (1 - chance);
      const a = Math.round(255 * Math.min(Math.max(alpha, 0), 1));
      const c = regions[2 * cell];
      words[cell] = ((c >= 0 && c < classes ? colors[c] : UNKNOWN) | (a << 24)) >>> 0;
    }
    imageContext.putImageData(pixels, 0, 0);
  }

  return {
    draw(dc, fields, fieldsVersion, style, classes) {
      if (fields.layout.resolution === 0) return;
      if (fieldsVersion !== builtVersion || style !== builtStyle) {
        build(fields, style, classes);
        builtVersion = fieldsVersion;
        builtStyle = style;
      }
      const { region } = fields.request;
      const left = px(dc.map, region.cx - region.half);
      const top = py(dc.map, region.cy + region.half);
      const size = 2 * region.half * dc.map.scale;
      dc.ctx.imageSmoothingEnabled = true;
      dc.ctx.drawImage(image, left, top, size, size);
    },
  };
}
