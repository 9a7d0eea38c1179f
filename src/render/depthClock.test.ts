import { describe, expect, it } from 'vitest';
import type { FlowSettings } from './depthClock';
import { createDepthClock } from './depthClock';

const settings: FlowSettings = { blocks: 4, speed: 2, mode: 'once', reducedMotion: false };

function run(clock: ReturnType<typeof createDepthClock>, ms: number, s = settings) {
  for (let t = 0; t <= ms; t += 20) clock.tick(1000 + t, s);
}

describe('depth clock', () => {
  it('moves at `speed` blocks per second and stops at the end in "once" mode', () => {
    const clock = createDepthClock(0);
    clock.play(1);
    run(clock, 1000);
    expect(clock.depth()).toBeCloseTo(2, 5);
    run(clock, 3000);
    expect(clock.depth()).toBe(4);
    expect(clock.direction()).toBe(0);
  });

  it('plays backward, loops and bounces', () => {
    const back = createDepthClock(4);
    back.play(-1);
    run(back, 500);
    expect(back.depth()).toBeCloseTo(3, 5);

    const loop = createDepthClock(3.9);
    loop.play(1);
    run(loop, 100, { ...settings, mode: 'loop' });
    expect(loop.depth()).toBeLessThan(1);
    expect(loop.direction()).toBe(1);

    const bounce = createDepthClock(3.9);
    bounce.play(1);
    run(bounce, 200, { ...settings, mode: 'bounce' });
    expect(bounce.direction()).toBe(-1);
    expect(bounce.depth()).toBeLessThan(4);
  });

  it('shows whole depths only, one after another, when motion is reduced', () => {
    const clock = createDepthClock(0);
    clock.play(1);
    const seen = new Set<number>();
    for (let t = 0; t <= 5000; t += 20) {
      clock.tick(1000 + t, { ...settings, reducedMotion: true });
      seen.add(clock.depth());
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops when the user sets a depth, and tells listeners', () => {
    const clock = createDepthClock(0);
    let calls = 0;
    clock.subscribe(() => calls++);
    clock.play(1);
    clock.set(2.5);
    expect(clock.direction()).toBe(0);
    expect(clock.depth()).toBe(2.5);
    expect(calls).toBe(2);
  });
});
