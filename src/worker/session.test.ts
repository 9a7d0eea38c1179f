import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../core/datasets';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { datasetSpec } from '../scenario/runConfig';
import { FakeClock, SessionDriver } from './testing/sessionDriver';

beforeAll(useCpuBackend);

describe('training session', () => {
  it('starts: backend, run facts, and a snapshot of step 0 whose first layer is the data', async () => {
    const driver = await SessionDriver.start();
    expect(driver.eventsOf('backend')[0].report.name).toBe('cpu');
    const run = driver.eventsOf('run')[0].info;
    expect(run).toMatchObject({ runId: 1, blocks: 4, stepSize: 1, classes: 2 });
    const snapshot = driver.lastSnapshot();
    expect(snapshot.step).toBe(0);
    const { train } = makeDataset(datasetSpec(SessionDriver.scenario()));
    expect(Array.from(snapshot.views.trainPositions.subarray(0, 80))).toEqual(Array.from(train.x));
    expect(run.trainLabels).toEqual(train.y);
    expect(driver.lastState()).toMatchObject({ playing: false, compiling: false });
  });

  it('steps, applies live changes without a reset, and rebuilds on shape changes', async () => {
    const driver = await SessionDriver.start({ penalty: 'fixed', weight: 0.1 });
    await driver.send({ type: 'step' });
    await driver.send({ type: 'step' });
    expect(driver.lastSnapshot().step).toBe(2);
    const costBefore = driver.lastSnapshot().metric('kineticCost');
    await driver.send({ type: 'update', patch: { weight: 5 } });
    expect(driver.lastSnapshot().step).toBe(2);
    expect(driver.lastSnapshot().metric('weight')).toBeCloseTo(5, 6);
    expect(driver.lastSnapshot().metric('kineticCost')).toBe(costBefore);
    await driver.send({
      type: 'build',
      scenario: SessionDriver.scenario({ penalty: 'fixed', weight: 5, K: 3 }),
    });
    expect(driver.eventsOf('run')).toHaveLength(2);
    expect(driver.lastSnapshot()).toMatchObject({ step: 0, runId: 2 });
    expect(driver.lastSnapshot().layout.blocks).toBe(3);
  });

  it('plays, reports steps per second, pauses, and resets to the same initial state', async () => {
    const driver = await SessionDriver.start();
    const initial = Array.from(driver.lastSnapshot().views.trainPositions);
    const rated = (d: SessionDriver) => d.eventsOf('snapshot').some((s) => s.stepsPerSecond > 0);
    await driver.playUntil((d) => d.lastSnapshot().step >= 60 && rated(d));
    await driver.send({ type: 'pause' });
    expect(driver.isPlaying()).toBe(false);
    expect(rated(driver)).toBe(true);
    const paused = driver.lastSnapshot().step;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(driver.lastSnapshot().step).toBe(paused);
    await driver.send({ type: 'reset' });
    expect(driver.lastSnapshot().step).toBe(0);
    expect(Array.from(driver.lastSnapshot().views.trainPositions)).toEqual(initial);
  });

  it('records every step in the history exactly once', async () => {
    const driver = await SessionDriver.start();
    await driver.playUntil(40);
    await driver.send({ type: 'pause' });
    const rows = driver.eventsOf('snapshot').reduce((sum, s) => sum + s.layout.historyRows, 0);
    expect(rows).toBe(driver.lastSnapshot().step);
  });

  it('keeps to the chosen pace, and to full speed again when asked', async () => {
    const driver = await SessionDriver.start({ pace: '30' });
    await driver.send({ type: 'play' });
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const elapsed = (performance.now() - started) / 1000;
    await driver.send({ type: 'pause' });
    const paced = driver.lastSnapshot().step;
    // Never faster than 30 steps per second (a slow machine may lag behind; that is not checked).
    expect(paced).toBeGreaterThan(0);
    expect(paced).toBeLessThanOrEqual(Math.ceil(30 * elapsed) + 1);
    await driver.send({ type: 'update', patch: { pace: 'max' } });
    await driver.playUntil(paced + 200);
    await driver.send({ type: 'pause' });
    expect(driver.lastSnapshot().step).toBeGreaterThanOrEqual(paced + 200);
  });

  it('waits at a held step and goes on when the hold is lifted', async () => {
    const driver = await SessionDriver.start();
    await driver.send({ type: 'hold', step: 20 });
    await driver.send({ type: 'play' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await driver.send({ type: 'pause' });
    expect(driver.lastSnapshot().step).toBe(20);
    await driver.send({ type: 'hold', step: Infinity });
    await driver.playUntil(40);
    await driver.send({ type: 'pause' });
    expect(driver.lastSnapshot().step).toBeGreaterThanOrEqual(40);
  });

  it('pauses by itself at the step limit', async () => {
    const driver = await SessionDriver.start({ steps: 25 });
    await driver.playUntil(1000);
    expect(driver.lastSnapshot().step).toBe(25);
    expect(driver.lastState()).toMatchObject({ playing: false, reason: 'step-limit' });
    await driver.send({ type: 'play' });
    expect(driver.lastState()).toMatchObject({ playing: false, reason: 'step-limit' });
  });

  it('brings the transport measures up to the paused step, by a pause or at the step limit', async () => {
    const paused = await SessionDriver.start();
    await paused.send({ type: 'view', request: null, transport: true });
    await paused.playUntil(300);
    await paused.send({ type: 'pause' });
    expect(paused.eventsOf('transport').at(-1)!.step).toBe(paused.lastSnapshot().step);

    const limited = await SessionDriver.start({ steps: 250 });
    await limited.send({ type: 'view', request: null, transport: true });
    await limited.playUntil(1000);
    expect(limited.lastSnapshot().step).toBe(250);
    expect(limited.eventsOf('transport').at(-1)!.step).toBe(250);
  });

  it('pauses with a readable message when training diverges', async () => {
    const driver = await SessionDriver.start({
      opt: 'sgd',
      lr: 1,
      momentum: 0.99,
      penalty: 'fixed',
      weight: 100,
      K: 16,
      width: 64,
      // No clipping: it bounds each step, and this run is meant to diverge.
      clip: 0,
    });
    await driver.playUntil(100_000);
    expect(driver.lastState()).toMatchObject({ playing: false, reason: 'diverged' });
    expect(driver.lastState().message).toMatch(/diverged.*lower the learning rate/);
  });

  it('sets the least-action multiplier on request', async () => {
    const driver = await SessionDriver.start({ penalty: 'lap' });
    await driver.send({ type: 'setMultiplier', lambda: 8 });
    expect(driver.lastSnapshot().metric('lambda')).toBe(8);
    expect(driver.lastSnapshot().metric('weight')).toBeCloseTo(0.125, 7);
  });

  it('sends the requested field layers and transport measures, at once when paused', async () => {
    const driver = await SessionDriver.start({ K: 3 });
    const request = {
      region: { cx: 0, cy: 0, half: 2 },
      depth: 1,
      resolution: 8,
      gridLines: 3,
      gridSamples: 4,
      arrows: 2,
    };
    await driver.send({ type: 'view', request, transport: true });
    const fields = driver.eventsOf('fields');
    expect(fields).toHaveLength(1);
    expect(fields[0]).toMatchObject({
      runId: 1,
      step: 0,
      request,
      layout: { blocks: 3, resolution: 8, gridPoints: 24, arrows: 2 },
    });
    expect(fields[0].data.length).toBe(8 * 8 * 2 + 4 * 24 * 2 + 3 * 4 * 2);
    const transport = driver.eventsOf('transport');
    expect(transport).toHaveLength(1);
    expect(transport[0].measures.points).toBe(40);
    expect(transport[0].measures.optimalCost).toBeLessThanOrEqual(
      transport[0].measures.straightLineCost + 1e-9,
    );
    // The same view again needs no new measurement of the same weights.
    await driver.send({ type: 'view', request: { ...request, depth: 2 }, transport: true });
    expect(driver.eventsOf('transport')).toHaveLength(1);
    expect(driver.eventsOf('fields')).toHaveLength(2);
    await driver.send({ type: 'step' });
    expect(driver.eventsOf('transport')).toHaveLength(2);
    expect(driver.eventsOf('fields').at(-1)!.step).toBe(1);
  });

  it('throttles field updates while training', async () => {
    // On a fake clock at 100 steps a second: snapshots about every 33 ms, fields every 250 ms.
    const clock = new FakeClock();
    const driver = await SessionDriver.start({ pace: '100' }, clock);
    const request = {
      region: { cx: 0, cy: 0, half: 2 },
      depth: 4,
      resolution: 16,
      gridLines: 0,
      gridSamples: 0,
      arrows: 0,
    };
    await driver.send({ type: 'view', request, transport: false });
    await driver.playUntil(() => clock.time >= 2000);
    await driver.send({ type: 'pause' });
    const fields = driver.eventsOf('fields');
    expect(fields.some((f) => f.step > 0)).toBe(true);
    expect(3 * fields.length).toBeLessThan(driver.eventsOf('snapshot').length);
    expect(driver.eventsOf('transport')).toHaveLength(0);
  });

  it('exports the trained state and loads it into a fresh run, which continues from it', async () => {
    const a = await SessionDriver.start({ penalty: 'lap' });
    await a.playUntil(30);
    await a.send({ type: 'pause' });
    await a.send({ type: 'export', id: 7 });
    const answer = a.eventsOf('trained')[0];
    expect(answer.id).toBe(7);
    const exported = answer.state;
    expect(exported.step).toBe(a.lastSnapshot().step);
    expect(exported.lambda).toBeCloseTo(a.lastSnapshot().metric('lambda'), 5);

    const b = await SessionDriver.start({ penalty: 'lap' });
    await b.send({ type: 'load', state: exported });
    expect(b.lastSnapshot().step).toBe(exported.step);
    expect(Array.from(b.lastSnapshot().views.trainPositions)).toEqual(
      Array.from(a.lastSnapshot().views.trainPositions),
    );
    expect(b.lastSnapshot().metric('lambda')).toBeCloseTo(exported.lambda, 5);
    await b.send({ type: 'step' });
    expect(b.lastSnapshot().step).toBe(exported.step + 1);

    await b.send({ type: 'load', state: { ...exported, weights: new Float32Array(3) } });
    expect(b.eventsOf('error').at(-1)!.message).toMatch(/do not fit/);
  });

  it('a restarted worker continues the run from a checkpoint it is started with', async () => {
    const a = await SessionDriver.start({ penalty: 'lap' });
    await a.playUntil(30);
    await a.send({ type: 'pause' });
    const checkpoint = a.eventsOf('checkpoint').at(-1)!.state;
    expect(checkpoint.step).toBe(a.lastSnapshot().step);

    const b = new SessionDriver();
    await b.send({
      type: 'start',
      backend: 'cpu',
      scenario: SessionDriver.scenario({ penalty: 'lap' }),
      resume: checkpoint,
    });
    expect(b.eventsOf('run')[0].info.resumedAt).toBe(checkpoint.step);
    // The first snapshot is already the checkpoint's: the page never sees step 0 again.
    expect(b.eventsOf('snapshot').map((s) => s.step)).toEqual([checkpoint.step]);
    expect(Array.from(b.lastSnapshot().views.trainPositions)).toEqual(
      Array.from(a.lastSnapshot().views.trainPositions),
    );
    await b.send({ type: 'step' });
    expect(b.lastSnapshot().step).toBe(checkpoint.step + 1);

    const c = new SessionDriver();
    const misfit = { ...checkpoint, weights: new Float32Array(3) };
    await c.send({ type: 'start', backend: 'cpu', scenario: SessionDriver.scenario(), resume: misfit });
    expect(c.eventsOf('run')[0].info.resumedAt).toBe(0);
    expect(c.eventsOf('notice')[0].message).toMatch(/do not fit/);
  });

  it('reports a fatal error when no backend can start', async () => {
    const driver = new SessionDriver([{ name: 'cpu', prepare: async () => 'switched off for the test' }]);
    await driver.send({ type: 'start', backend: 'auto', scenario: SessionDriver.scenario() });
    const errors = driver.eventsOf('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ fatal: true });
    expect(errors[0].message).toMatch(/No TensorFlow.js backend could be started/);
  });
});
