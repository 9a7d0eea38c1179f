/**
 * The transport view on one canvas: decision regions, plane grid, warped grid, trails, pairings,
 * velocity arrows and particles, back to front, on the visible square of the plane. It draws only
 * when something changed (a new frame, the depth, the view settings, the size or the theme), reuses
 * its buffers, and records how long each draw took.
 */
import { arrowBases } from '../core/fieldGrids';
import type { TransportMeasures } from '../core/measures';
import type { PlaneRegion } from '../core/viewport';
import { pixelMap } from '../core/viewport';
import type { RegionStyle, TrailColoring, ViewLayer } from '../scenario/schema';
import type { Frame, FrameSource } from './frameSource';
import { drawArrows } from './layers/arrows';
import { drawBackground } from './layers/background';
import type { DrawContext, ThemeColors } from './layers/drawContext';
import { drawPairings } from './layers/pairings';
import { drawOwnPoints, drawParticles } from './layers/particles';
import { createRegionsLayer } from './layers/regions';
import { createTrailColors } from './layers/trailColors';
import { drawTrails } from './layers/trails';
import { drawWarpedGrid } from './layers/warpedGrid';
import type { RenderStats } from './renderStats';

/** Everything about the view that is not in the frame. */
export interface TransportView {
  depth: number;
  layers: readonly ViewLayer[];
  /** The visible square (the run's axes, or the user's zoom and pan). */
  region: PlaneRegion;
  trail: TrailColoring;
  trailOpacity: number;
  trailCap: number;
  regions: RegionStyle;
  /** The user's own points as being drawn, shown at the input (depth 0) over the last run's cloud. */
  ownPoints: { x: Float32Array; y: Uint8Array } | null;
  /** The run's latest transport measures (with the optimal pairing and the Monge gaps), or null. */
  transport: TransportMeasures | null;
}

export interface TransportRenderer {
  /** Draws if anything changed since the last draw; returns whether it drew. */
  draw(view: TransportView): boolean;
  /**
   * Forces a redraw and re-reads the theme (after a resize or a theme change). `size` is the canvas's
   * new size in CSS pixels, as a ResizeObserver reports it: the renderer never measures the canvas
   * in the frame loop, where reading a size would force a layout.
   */
  invalidate(size?: { width: number; height: number }): void;
}

function readTheme(canvas: HTMLCanvasElement): ThemeColors {
  const style = getComputedStyle(canvas);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--canvas', '#ffffff'),
    grid: read('--grid', '#eef0f3'),
    axis: read('--axis', '#c5cad3'),
    warp: read('--warp', 'rgba(55, 65, 81, 0.35)'),
    arrow: read('--arrow', '#374151'),
    optimal: read('--optimal', 'rgba(213, 94, 0, 0.55)'),
    own: read('--own', 'rgba(75, 85, 99, 0.45)'),
    gapNegative: read('--gap-negative', '#6a3d9a'),
    gapZero: read('--gap-zero', '#a7adb7'),
    gapPositive: read('--gap-positive', '#c0362c'),
  };
}

/** A Float32Array of at least `length`, reused while large enough. */
function ensure(buffer: Float32Array<ArrayBuffer>, length: number): Float32Array<ArrayBuffer> {
  return buffer.length >= length ? buffer : new Float32Array(length);
}

/**
 * @param stats where the duration of every draw is recorded
 * @param pixels a fixed size in device pixels and pixels per CSS pixel (for exported pictures);
 *   by default the canvas's displayed size at the screen's pixel ratio
 */
export function createTransportRenderer(
  canvas: HTMLCanvasElement,
  frames: FrameSource,
  stats: RenderStats,
  pixels?: { width: number; height: number; ratio: number },
): TransportRenderer {
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('This browser cannot draw on a 2D canvas.');
  const ctx = context;
  const regions = createRegionsLayer();
  let theme = readTheme(canvas);
  let cssSize: { width: number; height: number } | null = null;
  let dirty = true;
  let drawnVersion = -1;
  let drawn: TransportView | null = null;
  let pointScratch = new Float32Array(0);
  let gridScratch = new Float32Array(0);
  const trailColors = createTrailColors();
  let bases: Float32Array = new Float32Array(0);
  let basesKey = '';

  const sameView = (a: TransportView, b: TransportView) =>
    a.depth === b.depth &&
    a.layers === b.layers &&
    a.region === b.region &&
    a.trail === b.trail &&
    a.trailOpacity === b.trailOpacity &&
    a.trailCap === b.trailCap &&
    a.regions === b.regions &&
    a.ownPoints === b.ownPoints &&
    a.transport === b.transport;

  function arrowBasesFor(frame: Frame): Float32Array {
    const request = frame.fields!.request;
    const key = `${request.region.cx},${request.region.cy},${request.region.half},${request.arrows}`;
    if (key !== basesKey) {
      bases = arrowBases(request.region, request.arrows);
      basesKey = key;
    }
    return bases;
  }

  return {
    invalidate(size) {
      dirty = true;
      theme = readTheme(canvas);
      if (size) cssSize = size;
    },
    draw(view) {
      if (!dirty && drawnVersion === frames.version() && drawn && sameView(drawn, view)) return false;
      const started = performance.now();
      dirty = false;
      drawnVersion = frames.version();
      drawn = Object.assign(drawn ?? { ...view }, view);
      const dpr = pixels?.ratio ?? (window.devicePixelRatio || 1);
      // Measured once if no size was given yet; from then on the ResizeObserver keeps it.
      const shown = pixels ? null : (cssSize ??= { width: canvas.clientWidth, height: canvas.clientHeight });
      const width = pixels?.width ?? Math.max(1, Math.round(shown!.width * dpr));
      const height = pixels?.height ?? Math.max(1, Math.round(shown!.height * dpr));
      if (canvas.width !== width || canvas.height !== height) {
        canvas.width = width;
        canvas.height = height;
      }
      const dc: DrawContext = { ctx, map: pixelMap(view.region, width, height), dpr, width, height, theme };
      drawBackground(dc, view.region.half);
      const frame = frames.current();
      if (!frame) {
        if (view.ownPoints) drawOwnPoints(dc, view.ownPoints);
        return true;
      }
      const on = (layer: ViewLayer) => view.layers.includes(layer);
      const depth = Math.min(view.depth, frame.layout.blocks);
      const fields = frame.fields;
      if (fields && on('regions'))
        regions.draw(dc, fields, frames.fieldsVersion(), view.regions, frame.run.classes);
      if (fields && on('grid')) {
        gridScratch = ensure(gridScratch, fields.layout.gridPoints * 2);
        drawWarpedGrid(dc, fields, depth, gridScratch);
      }
      if (on('trails') && view.trailCap > 0) {
        const groups = trailColors.groups(view.trail, frame, frames.version(), view.transport, theme);
        drawTrails(dc, frame, { opacity: view.trailOpacity, cap: view.trailCap }, groups);
      }
      if (on('ot') || on('pairs')) drawPairings(dc, frame, view.transport, on('ot'), on('pairs'));
      if (fields && on('field')) drawArrows(dc, fields, depth, arrowBasesFor(frame));
      pointScratch = ensure(pointScratch, 2 * Math.max(frame.layout.trainPoints, frame.layout.testPoints));
      drawParticles(dc, frame, depth, { train: on('train'), test: on('test') }, pointScratch);
      if (view.ownPoints && depth < 0.01) drawOwnPoints(dc, view.ownPoints);
      stats.record(performance.now() - started);
      return true;
    },
  };
}
