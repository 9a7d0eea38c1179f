import { describe, expect, it } from 'vitest';
import { createDeferral, DEFER_AFTER_MS, MAX_DEFER_MS } from './frameLoop';

describe('deferral of work that can wait', () => {
  it('runs in frames with room, waits in full ones, and never waits longer than the limit', () => {
    const mayRun = createDeferral();
    const busy = () => DEFER_AFTER_MS + 1;
    const light = () => 1;
    expect(mayRun(0, busy)).toBe(true); // never ran yet
    expect(mayRun(16, busy)).toBe(false);
    expect(mayRun(32, light)).toBe(true);
    expect(mayRun(48, busy)).toBe(false);
    expect(mayRun(32 + MAX_DEFER_MS - 1, busy)).toBe(false);
    expect(mayRun(32 + MAX_DEFER_MS, busy)).toBe(true);
  });
});
