import { beforeAll, describe, expect, it } from 'vitest';
import { metric, snapshotViews } from '../core/snapshot';
import type { DatasetKind } from '../core/types';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { defaultScenario } from '../scenario/schema';
import { SHOWN_WAIT_MS } from './pacing';
import { FakeClock, SessionDriver } from './testing/sessionDriver';

beforeAll(useCpuBackend);

/** Distinct snapshot steps from the first step up to the first snapshot at 95% training accuracy. */
function framesUntilSolved(driver: SessionDriver): { frames: number; solvedAt: number | null } {
  const steps = new Set<number>();
  for (const event of driver.eventsOf('snapshot')) {
    if (event.step < 1) continue;
    steps.add(event.step);
    if (metric(snapshotViews(event.data, event.layout), 'trainAccuracy') >= 0.95) {
      return { frames: steps.size, solvedAt: event.step };
    }
  }
  return { frames: steps.size, solvedAt: null };
}

describe('the default tempo', () => {
  it.each<DatasetKind>(['moons', 'circles', 'spiral'])(
    'shows at least 90 distinct frames before %s is solved (95% training accuracy)',
    async (data) => {
      const clock = new FakeClock();
      const driver = new SessionDriver(undefined, clock);
      await driver.send({ type: 'start', backend: 'cpu', scenario: { ...defaultScenario(), data } });
      await driver.playUntil((d) => d.lastSnapshot().metric('trainAccuracy') >= 0.95, 120_000);
      await driver.send({ type: 'pause' });
      const { frames, solvedAt } = framesUntilSolved(driver);
      expect(solvedAt, 'solved').not.toBeNull();
      expect(frames).toBeGreaterThanOrEqual(90);
      // Watched, not skipped: a few seconds of the (fake) clock went by before the task was solved.
      expect(clock.time).toBeGreaterThan(3000);
    },
    120_000,
  );

  it('shows every one of the first steps', async () => {
    const driver = await SessionDriver.start({ pace: 'tempo' }, new FakeClock());
    await driver.playUntil(60);
    await driver.send({ type: 'pause' });
    const steps = driver.eventsOf('snapshot').map((e) => e.step);
    for (let step = 0; step <= 60; step++) expect(steps).toContain(step);
  });

  it('waits a little for a page that says what it showed, and not for one that is hidden', async () => {
    const timeTo = async (shown: (number | null)[]) => {
      const clock = new FakeClock();
      // The run pauses itself at step 4, so the (fake) clock stops there.
      const driver = await SessionDriver.start({ pace: 'tempo', steps: 4 }, clock);
      const runId = driver.eventsOf('run').at(-1)!.info.runId;
      for (const step of shown) await driver.send({ type: 'shown', runId, step });
      const started = clock.time;
      await driver.playUntil(4);
      expect(driver.isPlaying()).toBe(false);
      return clock.time - started;
    };
    // At the tempo's first rate (5 steps a second) four steps take about 0.6-0.8 s.
    const unwatched = await timeTo([]);
    expect(unwatched).toBeLessThan(1000);
    // A page that showed step 0 and then says nothing: every later step waits for it, a while.
    expect(await timeTo([0])).toBeGreaterThanOrEqual(3 * SHOWN_WAIT_MS);
    // A page that went hidden is not waited for.
    expect(await timeTo([0, null])).toBe(unwatched);
  });

  it('shows a live change at once while a slow pace waits for its next step', async () => {
    const driver = await SessionDriver.start({ pace: '1', penalty: 'fixed', weight: 0.1 });
    await driver.playUntil(1);
    await driver.send({ type: 'update', patch: { weight: 5 } });
    expect(driver.lastSnapshot().metric('weight')).toBeCloseTo(5, 6);
    expect(driver.isPlaying()).toBe(true);
    await driver.send({ type: 'pause' });
  });
});
