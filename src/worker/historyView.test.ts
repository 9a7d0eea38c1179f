import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshotViews } from '../core/snapshot';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import type { Scenario } from '../scenario/schema';
import type { WorkerEvent } from './protocol';
import { SessionDriver } from './testing/sessionDriver';
import { DENSE_STEPS, gridStep } from './trainingHistory';

beforeAll(useCpuBackend);

const request = {
  region: { cx: 0, cy: 0, half: 2 },
  depth: 2,
  resolution: 8,
  gridLines: 3,
  gridSamples: 4,
  arrows: 2,
};

type Marked = { checkpoint?: boolean };
const ofCheckpoint = <T extends Marked>(events: T[]) => events.filter((e) => e.checkpoint);
const live = <T extends Marked>(events: T[]) => events.filter((e) => !e.checkpoint);

/** Everything a view shows of one snapshot event, without the per-step history rows. */
function viewOf(event: Extract<WorkerEvent, { type: 'snapshot' }>) {
  const views = snapshotViews(event.data, event.layout);
  return {
    step: event.step,
    trainPositions: views.trainPositions,
    testPositions: views.testPositions,
    metrics: views.metrics,
    blockEnergies: views.blockEnergies,
  };
}

/** Resolves once `done` holds (checked every few milliseconds). */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A fresh run of the scenario stepped `steps` times, its view asked for as a paused page asks. */
async function freshRun(scenario: Partial<Scenario>, steps: number) {
  const driver = await SessionDriver.start({ ...scenario, steps });
  await driver.playUntil(steps);
  await driver.send({ type: 'view', request, transport: true });
  return driver;
}

describe('training history in the session', () => {
  it('shows a past step exactly as a fresh run trained to that step shows it (bit for bit)', async () => {
    const scenario = { penalty: 'lap' as const, K: 4, width: 8 };
    const a = await SessionDriver.start({ ...scenario, steps: 300 });
    await a.playUntil(300);
    expect(a.lastSnapshot().step).toBe(300);
    const history = a.eventsOf('history').at(-1)!;
    expect(history.steps.slice(0, DENSE_STEPS + 1)).toEqual([...Array(DENSE_STEPS + 1).keys()]);
    expect(history.steps).toContain(120);
    expect(history.steps.at(-1)).toBeGreaterThan(290);

    await a.send({ type: 'view', request, transport: true });
    await a.send({ type: 'view-step', step: 120 });
    const shown = ofCheckpoint(a.eventsOf('snapshot'));
    expect(shown).toHaveLength(1);
    const b = await freshRun(scenario, 120);
    const fresh = live(b.eventsOf('snapshot')).at(-1)!;
    expect(fresh.step).toBe(120);
    expect(viewOf(shown[0])).toEqual(viewOf(fresh));
    // Field layers and transport measures of that step, too (the measures once the timeline rests).
    await until(() => ofCheckpoint(a.eventsOf('transport')).length > 0);
    expect(ofCheckpoint(a.eventsOf('fields')).at(-1)!.data).toEqual(b.eventsOf('fields').at(-1)!.data);
    expect(ofCheckpoint(a.eventsOf('transport')).at(-1)!.measures).toEqual(
      b.eventsOf('transport').at(-1)!.measures,
    );
  });

  it('answers a change of depth while viewing, snaps to kept steps, and goes back to live', async () => {
    const a = await SessionDriver.start({ steps: 150 });
    await a.playUntil(150);
    await a.send({ type: 'view', request, transport: false });
    await a.send({ type: 'view-step', step: 40 });
    await a.send({ type: 'view', request: { ...request, depth: 1 }, transport: false });
    const fields = ofCheckpoint(a.eventsOf('fields'));
    expect(fields.map((f) => [f.step, f.request.depth])).toEqual([
      [40, 2],
      [40, 1],
    ]);
    // Between kept steps the nearest one is shown; the same view twice is computed once.
    const kept = a.eventsOf('history').at(-1)!.steps;
    await a.send({ type: 'view-step', step: 10_000 });
    await a.send({ type: 'view-step', step: 10_000 });
    expect(ofCheckpoint(a.eventsOf('snapshot')).map((s) => s.step)).toEqual([40, kept.at(-1)]);
    const before = a.events.length;
    await a.send({ type: 'view-step', step: null });
    await a.send({ type: 'view', request, transport: false });
    expect(a.events.slice(before).every((e) => !('checkpoint' in e && e.checkpoint))).toBe(true);
  });

  it('marks live changes, restarts on reset, and leaks no tensors while viewing', async () => {
    const a = await SessionDriver.start({ penalty: 'fixed', weight: 0.1 });
    for (let i = 0; i < 130; i++) await a.send({ type: 'step' });
    await a.send({ type: 'update', patch: { weight: 2 } });
    await a.send({ type: 'step' });
    const history = a.eventsOf('history').at(-1)!;
    expect(history.changes).toEqual([130]);
    expect(history.steps).toContain(130);
    await a.send({ type: 'view-step', step: 130 });
    const at = viewOf(ofCheckpoint(a.eventsOf('snapshot')).at(-1)!);
    expect(at.step).toBe(130);
    expect(at.metrics[6]).toBeCloseTo(2, 6);
    const tensors = tf.memory().numTensors;
    await a.send({ type: 'view', request, transport: true });
    for (const step of [3, 50, 127, 130, 0]) await a.send({ type: 'view-step', step });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(a.eventsOf('history').at(-1)!.fresh).toBe(false);
    await a.send({ type: 'reset' });
    expect(a.eventsOf('history').at(-1)!.fresh).toBe(true);
    expect(a.eventsOf('history').at(-1)!.steps).toEqual([0]);
    expect(a.eventsOf('history').at(-1)!.changes).toEqual([]);
  });

  it('keeps the step in view while training thins the history past it', async () => {
    // Paused at step 300, then stepped one step at a time: every history list is seen, in order.
    const a = await SessionDriver.start({ K: 3, width: 8, steps: 300 });
    await a.playUntil(300);
    await a.send({ type: 'view-step', step: gridStep(1) });
    while (a.lastSnapshot().step < 1200) await a.send({ type: 'step' });
    const lists = a.eventsOf('history');
    expect(lists[0].fresh).toBe(true);
    expect(lists.slice(1).every((list) => !list.fresh)).toBe(true);
    // The grid thinned (about step 600), the step in view is still kept and still the one shown.
    expect(lists.some((list, i) => i > 0 && list.steps.length < lists[i - 1].steps.length)).toBe(true);
    expect(lists.at(-1)!.steps).toContain(gridStep(1));
    expect(new Set(ofCheckpoint(a.eventsOf('snapshot')).map((s) => s.step))).toEqual(new Set([gridStep(1)]));
  });

  it('reads a live change’s kept state back when a pause follows it at once', async () => {
    // At 30 steps a second every step is published, so the pause finds nothing stale to publish.
    const a = await SessionDriver.start({ pace: '30', penalty: 'fixed', weight: 0.1 });
    const tensors = tf.memory().numTensors;
    await a.playUntil(3);
    // Queued together: no training slice runs between the change and the pause.
    void a.send({ type: 'update', patch: { weight: 2 } });
    await a.send({ type: 'pause' });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(a.eventsOf('history').at(-1)!.changes).toContain(a.lastSnapshot().step);
  });
});
