/**
 * A clock whose time moves only when a test says so: timers fire in order of their due time as
 * `advance` passes it. Unit tests of the app layer run on it, so nothing waits for real time.
 */
import type { AppClock } from '../ports';

interface Timer {
  id: number;
  due: number;
  callback: () => void;
  every: number | null;
}

export interface FakeClock extends AppClock {
  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void;
}

export function createFakeClock(): FakeClock {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, Timer>();
  const add = (callback: () => void, ms: number, every: number | null) => {
    const id = nextId++;
    timers.set(id, { id, due: now + Math.max(0, ms), callback, every });
    return id;
  };
  const remove = (handle: unknown) => {
    timers.delete(handle as number);
  };
  return {
    now: () => now,
    setTimeout: (callback, ms) => add(callback, ms, null),
    clearTimeout: remove,
    setInterval: (callback, ms) => add(callback, ms, Math.max(1, ms)),
    clearInterval: remove,
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let next: Timer | null = null;
        for (const timer of timers.values())
          if (timer.due <= end && (!next || timer.due < next.due)) next = timer;
        if (!next) break;
        now = next.due;
        if (next.every === null) timers.delete(next.id);
        else next.due += next.every;
        next.callback();
      }
      now = end;
    },
  };
}
