/** Advances the flow animation once per frame, before anything is drawn (see render/depthClock.ts). */
import { reducedMotionQuery } from './transport/useReducedMotion';
import type { AppServices } from './services';

export function createDepthAnimator({ store, depth, runs }: Pick<AppServices, 'store' | 'depth' | 'runs'>) {
  return (now: number) => {
    const s = store.getState().scenario;
    const blocks = runs.a.frames.current()?.layout.blocks ?? s.K;
    depth.tick(now, { blocks, speed: s.speed, mode: s.flow, reducedMotion: reducedMotionQuery.matches });
  };
}
