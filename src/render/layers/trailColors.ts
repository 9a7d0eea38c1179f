/**
 * What colour each trail is drawn in, for each trail colouring: by class, by straightness (chord over
 * path length, viridis), or by Monge gap (each measured particle's share of S - W2^2, a diverging map
 * from the theme with 0 in the middle; particles outside the measured subsample are neutral).
 * Recomputed only when what it depends on changes, not on every draw.
 */
import { mongeGapScale } from '../../core/blockTransport';
import type { TransportMeasures } from '../../core/measures';
import { particleStraightness } from '../../core/measures';
import {
  classColor,
  divergingBin,
  divergingStops,
  SEQUENTIAL_STOPS,
  sequentialBin,
} from '../../core/palette';
import type { TrailColoring } from '../../scenario/schema';
import type { Frame } from '../frameSource';
import type { ThemeColors } from './drawContext';

/** The trails' colour groups: each drawn as one path. */
export interface TrailGroups {
  /** Group of each training particle, [n]; NEUTRAL: drawn in the neutral style. */
  groupOf: ArrayLike<number>;
  /** Colour of each group. */
  colors: readonly string[];
}

/** The group of a particle that has no colour of its own (not measured). */
export const NEUTRAL = -1;

export interface TrailColors {
  /**
   * The groups for a colouring of the frame's trails.
   * @param frameVersion the frame source's version (straightness is recomputed when it changes)
   */
  groups(
    coloring: TrailColoring,
    frame: Frame,
    frameVersion: number,
    transport: TransportMeasures | null,
    theme: ThemeColors,
  ): TrailGroups;
}

/**
 * Monge-gap groups: the diverging bin of each measured particle's gap (the scale from all measured
 * gaps), NEUTRAL for the others; all NEUTRAL when there are no measures of this run's points.
 */
export function mongeGapGroups(
  n: number,
  transport: TransportMeasures | null,
  out = new Int8Array(n),
): Int8Array {
  out.fill(NEUTRAL);
  if (!transport || !transport.indices.every((i) => i < n)) return out;
  const scale = mongeGapScale(transport.mongeGaps);
  transport.indices.forEach((i, j) => (out[i] = divergingBin(transport.mongeGaps[j], scale)));
  return out;
}

export function createTrailColors(): TrailColors {
  let straightness = new Float32Array(0);
  let straightBins = new Int8Array(0);
  let straightVersion = -1;
  let gapBins = new Int8Array(0);
  let gapKey: { transport: TransportMeasures | null; run: Frame['run'] | null } = {
    transport: null,
    run: null,
  };
  let gapColors: { theme: ThemeColors | null; colors: string[] } = { theme: null, colors: [] };
  const classColors: string[] = [];

  return {
    groups(coloring, frame, frameVersion, transport, theme) {
      const n = frame.layout.trainPoints;
      if (coloring === 'class') {
        for (let c = classColors.length; c < frame.run.classes; c++) classColors.push(classColor(c));
        return { groupOf: frame.run.trainLabels, colors: classColors };
      }
      if (coloring === 'straightness') {
        if (straightVersion !== frameVersion || straightBins.length !== n) {
          straightVersion = frameVersion;
          if (straightness.length !== n)
            [straightness, straightBins] = [new Float32Array(n), new Int8Array(n)];
          const flow = {
            positions: frame.views.trainPositions,
            blocks: frame.layout.blocks,
            points: n,
            stepSize: 1,
          };
          particleStraightness(flow, straightness);
          for (let i = 0; i < n; i++) straightBins[i] = sequentialBin(straightness[i]);
        }
        return { groupOf: straightBins, colors: SEQUENTIAL_STOPS };
      }
      if (gapKey.transport !== transport || gapKey.run !== frame.run || gapBins.length !== n) {
        gapKey = { transport, run: frame.run };
        if (gapBins.length !== n) gapBins = new Int8Array(n);
        mongeGapGroups(n, transport, gapBins);
      }
      if (gapColors.theme !== theme) {
        gapColors = { theme, colors: divergingStops(theme.gapNegative, theme.gapZero, theme.gapPositive) };
      }
      return { groupOf: gapBins, colors: gapColors.colors };
    },
  };
}
