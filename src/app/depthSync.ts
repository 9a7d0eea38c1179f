/**
 * The depth shown has one writer: the depth clock (render/depthClock.ts), set by the user's scrubbing
 * and moved by the flow animation. The scenario's `depth`, which travels in links, follows it here
 * once the depth rests, a moment after the last change, so that a dragged slider writes it once.
 */
import type { DepthClock } from '../render/depthClock';
import type { AppStore } from '../state/store';
import type { AppClock } from './ports';

/** The scenario's depth is written this long after the depth last changed. */
export const DEPTH_WRITE_DELAY_MS = 150;

export function syncDepthToScenario(store: AppStore, depth: DepthClock, clock: AppClock): () => void {
  let timer: unknown = null;
  const write = () => {
    timer = null;
    if (depth.direction() !== 0) return;
    const state = store.getState();
    const t = Number(depth.depth().toFixed(2));
    // The scenario's depth may exceed K (the default, 32, means "the output"): compare as shown. (The
    // scenario's own K, not the shown run's: that one may still be the run before a rebuild.)
    if (Math.min(state.scenario.depth, state.scenario.K) !== t) state.editScenario({ depth: t });
  };
  const unsubscribe = depth.subscribe(() => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = clock.setTimeout(write, DEPTH_WRITE_DELAY_MS);
  });
  return () => {
    unsubscribe();
    if (timer !== null) clock.clearTimeout(timer);
  };
}
