/**
 * The depth t shown by the transport view, and its animation: the flow played forward or backward
 * at a number of blocks per second, stopping, looping or bouncing at the ends. It changes at frame
 * rate, so it lives here rather than in the store; the page reads it on each frame.
 */
import type { FlowMode } from '../scenario/schema';

export interface FlowSettings {
  blocks: number;
  /** Blocks per second. */
  speed: number;
  mode: FlowMode;
  /** Show whole depths one after another instead of moving continuously. */
  reducedMotion: boolean;
}

export interface DepthClock {
  depth(): number;
  /** Sets the depth and stops any animation (a user scrubbing). */
  set(depth: number): void;
  /** Starts the flow forward (+1) or backward (-1). */
  play(direction: 1 | -1): void;
  stop(): void;
  /** The direction of the running animation, or 0. */
  direction(): -1 | 0 | 1;
  /** Advances the animation to time `now` (ms); returns true when the depth changed. */
  tick(now: number, settings: FlowSettings): boolean;
  /** Called when the animation starts or stops, and when the depth is set (not on every frame). */
  subscribe(listener: () => void): () => void;
}

/** How long each whole depth is shown when motion is reduced, at least. */
const REDUCED_MOTION_HOLD_MS = 700;

export function createDepthClock(initial: number): DepthClock {
  let depth = initial;
  let direction: -1 | 0 | 1 = 0;
  let last = -1;
  let held = 0;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const setDirection = (next: -1 | 0 | 1) => {
    if (next === direction) return;
    direction = next;
    last = -1;
    held = 0;
    notify();
  };
  return {
    depth: () => depth,
    set(next) {
      depth = next;
      if (direction === 0) notify();
      else setDirection(0);
    },
    play(next) {
      setDirection(next);
    },
    stop() {
      setDirection(0);
    },
    direction: () => direction,
    tick(now, { blocks, speed, mode, reducedMotion }) {
      // At rest the depth is left as set (readers clamp it to the run shown, which may be the run
      // before a rebuild); a moving flow starts from within the range.
      if (direction === 0) return false;
      if (depth > blocks) depth = blocks;
      const dt = last < 0 ? 0 : Math.min(now - last, 100);
      last = now;
      const before = depth;
      if (reducedMotion) {
        held += dt;
        if (held < Math.max(REDUCED_MOTION_HOLD_MS, 1000 / speed)) return false;
        held = 0;
        depth = direction > 0 ? Math.floor(depth + 1e-9) + 1 : Math.ceil(depth - 1e-9) - 1;
      } else {
        depth += (direction * speed * dt) / 1000;
      }
      if (depth > blocks || depth < 0) {
        const end = depth > blocks ? blocks : 0;
        if (mode === 'once') {
          depth = end;
          setDirection(0);
        } else if (mode === 'loop') {
          depth = end === blocks ? 0 : blocks;
        } else {
          depth = end;
          setDirection(direction > 0 ? -1 : 1);
          // Keep the animation running in the new direction from this frame on.
          last = now;
        }
      }
      return depth !== before;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
