/**
 * What the transport renderer is told to draw, from the page's state: the depth, the layers, the
 * shared axes, trail and region styles, the own points being drawn and the run's measures. Filled into an existing
 * object on every frame (no allocation), or into a fresh one for an exported picture.
 */
import { decodePoints } from '../core/points';
import type { TransportView } from '../render/transportRenderer';
import type { RunId } from '../state/store';
import { shownRun } from '../state/selectors';
import type { App } from './createApp';

export function emptyViewSettings(): TransportView {
  return {
    depth: 0,
    layers: [],
    region: { cx: 0, cy: 0, half: 1 },
    trail: 'class',
    trailOpacity: 1,
    trailCap: 0,
    regions: 'soft',
    ownPoints: null,
    transport: null,
  };
}

/** Decoded own points, kept while the scenario's text stays the same. */
let decoded: { text: string; points: TransportView['ownPoints'] } = { text: '', points: null };

export function fillViewSettings(
  target: TransportView,
  { store, depth, view }: Pick<App, 'store' | 'depth' | 'view'>,
  run: RunId,
): TransportView {
  const state = store.getState();
  const s = state.scenario;
  target.depth = depth.depth();
  target.layers = s.layers;
  target.region = view.visible() ?? target.region;
  target.trail = s.trail;
  target.trailOpacity = s.trailop;
  target.trailCap = s.trails;
  target.regions = s.regions;
  if (s.pts !== decoded.text) decoded = { text: s.pts, points: s.pts ? decodePoints(s.pts) : null };
  target.ownPoints = s.data === 'custom' ? decoded.points : null;
  const shown = state.runs[run];
  target.transport = shown ? shownRun(shown).transport : null;
  return target;
}
