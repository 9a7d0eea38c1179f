import { beforeAll, describe, expect, it } from 'vitest';
import { blockDisplacementCosts } from '../core/blockTransport';
import type { TransportMeasures } from '../core/measures';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { SessionDriver } from './testing/sessionDriver';
import { TRANSPORT_INTERVAL_MS, TRANSPORT_TIME_SHARE, transportDue } from './viewOutputs';

beforeAll(useCpuBackend);

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

/** The per-block views of one transport event hold what blockTransport.ts promises. */
function expectBlockViews(m: TransportMeasures, blocks: number, stepSize: number) {
  expect(m.stepSize).toBe(stepSize);
  expect(m.blockOptimalCosts).toHaveLength(blocks);
  const bound = blockDisplacementCosts(m.blockEnergies, stepSize);
  for (let k = 0; k < blocks; k++) {
    expect(m.blockOptimalCosts[k]).toBeGreaterThanOrEqual(0);
    expect(m.blockOptimalCosts[k]).toBeLessThanOrEqual(bound[k] * (1 + 1e-12));
  }
  expect(m.mongeGaps).toHaveLength(m.points);
  expect(Math.abs(sum(m.mongeGaps) - (m.straightLineCost - m.optimalCost))).toBeLessThanOrEqual(
    1e-12 * m.straightLineCost,
  );
}

describe('per-block transport in the worker', () => {
  it('comes with every transport event, W2^2(mu_k, mu_{k+1}) <= h^2 E_k of the snapshot', async () => {
    const driver = await SessionDriver.start({ K: 5, steps: 200 });
    await driver.send({ type: 'view', request: null, transport: true });
    await driver.playUntil(200);
    const events = driver.eventsOf('transport');
    expect(events.at(-1)!.step).toBe(200);
    for (const event of events) expectBlockViews(event.measures, 5, 1);
    // All 40 training points are measured, so h^2 E_k is the snapshot's own per-block energy
    // (float32 on the device, float64 here).
    const last = events.at(-1)!.measures;
    const snapshot = driver.lastSnapshot();
    expect(snapshot.step).toBe(200);
    last.blockEnergies.forEach((e, k) => expect(e).toBeCloseTo(snapshot.views.blockEnergies[k], 4));
    expect(last.blockOtRatio).toBeGreaterThan(0);
    expect(last.blockOtRatio).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('comes with the transport of a past step, measured from its checkpoint', async () => {
    const driver = await SessionDriver.start({ K: 4, h: '1/K', steps: 150 });
    await driver.playUntil(150);
    await driver.send({ type: 'view', request: null, transport: true });
    const now = driver.eventsOf('transport').at(-1)!;
    await driver.send({ type: 'view-step', step: 0 });
    let past: (typeof now)[] = [];
    while (past.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      past = driver.eventsOf('transport').filter((e) => e.checkpoint);
    }
    expect(past[0].step).toBe(0);
    expectBlockViews(past[0].measures, 4, 0.25);
    expect([...past[0].measures.blockOptimalCosts]).not.toEqual([...now.measures.blockOptimalCosts]);
  });
});

describe('transportDue', () => {
  it('measures once a second while training, at once when paused', () => {
    expect(transportDue(500, 0, 10, false)).toBe(true);
    expect(transportDue(TRANSPORT_INTERVAL_MS - 1, 0, 10, true)).toBe(false);
    expect(transportDue(TRANSPORT_INTERVAL_MS, 0, 10, true)).toBe(true);
  });

  it('spaces out measurements that take long, so they take at most their share of training', () => {
    const cost = 2000;
    const spacing = cost / TRANSPORT_TIME_SHARE;
    expect(spacing).toBeGreaterThan(TRANSPORT_INTERVAL_MS);
    expect(transportDue(spacing - 1, 0, cost, true)).toBe(false);
    expect(transportDue(spacing, 0, cost, true)).toBe(true);
    expect(transportDue(10, 0, cost, false)).toBe(true);
  });
});
