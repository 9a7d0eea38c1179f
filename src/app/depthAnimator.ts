/** Advances the flow animation once per frame, before anything is drawn (see render/depthClock.ts). */
import type { DepthClock } from '../render/depthClock';
import { shownBlocks } from '../state/selectors';
import type { AppStore } from '../state/store';

export function createDepthAnimator(store: AppStore, depth: DepthClock, reducedMotion: () => boolean) {
  return (now: number) => {
    const state = store.getState();
    const s = state.scenario;
    depth.tick(now, {
      blocks: shownBlocks(state),
      speed: s.speed,
      mode: s.flow,
      reducedMotion: reducedMotion(),
    });
  };
}
