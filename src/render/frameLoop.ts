/**
 * The one requestAnimationFrame loop of the page. Renderers register a draw function; each frame
 * calls every renderer, which decides for itself whether anything changed since it last drew.
 */
export type DrawFunction = (now: number) => void;

export interface FrameLoop {
  add(draw: DrawFunction): () => void;
  stop(): void;
}

export function createFrameLoop(): FrameLoop {
  const draws = new Set<DrawFunction>();
  let handle = 0;
  const tick = (now: number) => {
    for (const draw of draws) draw(now);
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
