/**
 * The one requestAnimationFrame loop of the page. Renderers register a draw function; each frame
 * calls every renderer, which decides for itself whether anything changed since it last drew. The
 * main-thread time of every frame's work is recorded.
 */
import type { RenderStats } from './renderStats';

export type DrawFunction = (now: number) => void;

export interface FrameLoop {
  add(draw: DrawFunction): () => void;
  stop(): void;
}

/** @param stats where the duration of each frame's work (all draw functions together) is recorded */
export function createFrameLoop(stats: RenderStats): FrameLoop {
  const draws = new Set<DrawFunction>();
  let handle = 0;
  const tick = (now: number) => {
    const started = performance.now();
    for (const draw of draws) draw(now);
    stats.record(performance.now() - started);
    handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return {
    add(draw) {
      draws.add(draw);
      return () => draws.delete(draw);
    },
    stop: () => cancelAnimationFrame(handle),
  };
}
