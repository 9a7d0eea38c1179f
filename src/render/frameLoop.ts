/**
 * The one requestAnimationFrame loop of the page. Renderers register a draw function; each frame
 * calls every renderer, which decides for itself whether anything changed since it last drew. The
 * main-thread time of every frame's work is recorded. Work that can wait a frame (charts,
 * thumbnails) asks a deferral whether this frame still has room for it.
 */
import type { RenderStats } from './renderStats';

/** @param spent milliseconds this frame's work has taken so far */
export type DrawFunction = (now: number, spent: () => number) => void;

export interface FrameLoop {
  add(draw: DrawFunction): () => void;
  stop(): void;
}

/** Work that can wait is put off once a frame's work has taken this long... */
export const DEFER_AFTER_MS = 4;
/** ...but never for longer than this. */
export const MAX_DEFER_MS = 500;

/**
 * For one piece of work that can wait: whether it may run in this frame. It may when the frame's
 * work so far is under DEFER_AFTER_MS, or when it was last allowed MAX_DEFER_MS ago or more.
 */
export function createDeferral(): (now: number, spent: () => number) => boolean {
  let lastRunAt = -Infinity;
  return (now, spent) => {
    if (spent() > DEFER_AFTER_MS && now - lastRunAt < MAX_DEFER_MS) return false;
    lastRunAt = now;
    return true;
  };
}

/** @param stats where the duration of each frame's work (all draw functions together) is recorded */
export function createFrameLoop(stats: RenderStats): FrameLoop {
  const draws = new Set<DrawFunction>();
  let handle = 0;
  let started = 0;
  const spent = () => performance.now() - started;
  const tick = (now: number) => {
    started = performance.now();
    for (const draw of draws) draw(now, spent);
    stats.record(spent());
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
