/**
 * Tells the worker what the transport view needs besides snapshots: the field layers for the visible
 * square at the shown depth, and whether to measure the optimal pairing. Runs in the frame loop and
 * sends only when something relevant changed (at most every 100 ms).
 */
import type { FieldRequest } from '../core/fieldGrids';
import { ARROWS, FIELD_RESOLUTION, GRID_LINES, GRID_SAMPLES } from '../core/fieldGrids';
import type { PlaneRegion } from '../core/viewport';
import type { DepthClock } from '../render/depthClock';
import type { AppStore } from '../state/store';
import type { RunChannel } from './run';
import type { Runs } from './runs';
import type { ViewRegion } from './viewRegion';
import type { FrameLoop } from '../render/frameLoop';

interface ViewSyncDeps {
  store: AppStore;
  depth: DepthClock;
  view: ViewRegion;
}

const MIN_INTERVAL_MS = 100;

/** The frame-loop function that keeps one run's worker told what the view needs. */
export function createViewSync(
  { store, depth, view }: ViewSyncDeps,
  { frames, control }: RunChannel,
): (now: number) => void {
  let sentRun = -1;
  let sentLayers: readonly string[] | null = null;
  let sentDepth = -1;
  let sentRegion: PlaneRegion | null = null;
  let sentHide: readonly string[] | null = null;
  let sentTrail: string | null = null;
  let sentAt = -Infinity;
  return (now) => {
    const frame = frames.current();
    if (!frame) return;
    const layers = store.getState().scenario.layers;
    const region = view.visible() ?? frame.region;
    const regions = layers.includes('regions');
    const shownDepth = regions ? Math.round(Math.min(depth.depth(), frame.layout.blocks)) : 0;
    const hide = store.getState().scenario.hide;
    const trail = store.getState().scenario.trail;
    const same =
      frame.run.runId === sentRun &&
      layers === sentLayers &&
      shownDepth === sentDepth &&
      region === sentRegion &&
      hide === sentHide &&
      trail === sentTrail;
    if (same || now - sentAt < MIN_INTERVAL_MS) return;
    sentRun = frame.run.runId;
    sentLayers = layers;
    sentDepth = shownDepth;
    sentRegion = region;
    sentHide = hide;
    sentTrail = trail;
    sentAt = now;
    const grid = layers.includes('grid');
    const arrows = layers.includes('field');
    const request: FieldRequest | null =
      regions || grid || arrows
        ? {
            region,
            depth: shownDepth,
            resolution: regions ? FIELD_RESOLUTION : 0,
            gridLines: grid ? GRID_LINES : 0,
            gridSamples: GRID_SAMPLES,
            arrows: arrows ? ARROWS : 0,
          }
        : null;
    // The least-action read-out, the transport chart and the Monge-gap trails need the measures
    // whenever they are shown.
    const gapTrails = layers.includes('trails') && trail === 'monge';
    control.setView(
      request,
      layers.includes('ot') || gapTrails || !hide.includes('metrics') || !hide.includes('charts'),
    );
  };
}

/** Keeps one view sync per run in the frame loop, adding and removing them as runs come and go. */
export function attachViewSyncs(services: ViewSyncDeps & { runs: Runs; loop: FrameLoop }): void {
  const attached = new Map<RunChannel, () => void>();
  const update = () => {
    const runs = services.runs.all();
    for (const channel of runs) {
      if (!attached.has(channel)) attached.set(channel, services.loop.add(createViewSync(services, channel)));
    }
    for (const [channel, remove] of attached) {
      if (runs.includes(channel)) continue;
      remove();
      attached.delete(channel);
    }
  };
  services.runs.subscribe(update);
  update();
}
