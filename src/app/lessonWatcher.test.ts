import { describe, expect, it } from 'vitest';
import type { DrawFunction, FrameLoop } from '../render/frameLoop';
import { createDepthClock } from '../render/depthClock';
import { defaultScenario } from '../scenario/schema';
import type { LiveReadout } from '../state/store';
import { createAppStore } from '../state/store';
import { createLessonFactSources, createLessonWatcher } from './lessonWatcher';

const readout = (step: number): LiveReadout => ({
  step,
  stepsPerSecond: 100,
  engine: 'fused',
  trainLoss: 0.1,
  trainAccuracy: 1,
  testAccuracy: 0.95,
  testLoss: 0.2,
  kineticCost: 1,
  lambda: 1,
  weight: 0.1,
  energies: [],
});

function setup() {
  const store = createAppStore({ scenario: defaultScenario(), backendPreference: 'auto', theme: 'system' });
  const depth = createDepthClock(0);
  const draws: DrawFunction[] = [];
  const loop: FrameLoop = { add: (draw) => (draws.push(draw), () => undefined), stop: () => undefined };
  const watcher = createLessonWatcher({ store, depth, loop, facts: createLessonFactSources() });
  const frames = (n: number) => {
    for (let i = 0; i < n; i++) draws.forEach((d) => d(i * 16, () => 0));
  };
  return { store, depth, watcher, frames };
}

describe('the lesson watcher', () => {
  it('re-evaluates on store changes and tells only when the outcome changes', () => {
    const { store, watcher } = setup();
    let heard = 0;
    watcher.subscribe(() => heard++);
    watcher.watch({ kind: 'metric', metric: 'step', run: 'a', op: '>=', value: 100 });
    expect(watcher.outcome()).toEqual({ state: 'unmet', reading: null });
    store.getState().patchRun('a', { live: readout(50) });
    expect(watcher.outcome()).toEqual({ state: 'unmet', reading: 'now: step 50' });
    const before = heard;
    store.getState().notify('info', ['unrelated']);
    expect(heard).toBe(before);
    store.getState().patchRun('a', { live: readout(100) });
    expect(watcher.outcome()?.state).toBe('met');
  });

  it('does not count what a replaced run reached', () => {
    const { store, watcher } = setup();
    store.getState().patchRun('a', { live: readout(600) });
    watcher.forgetReadouts();
    watcher.watch({ kind: 'metric', metric: 'step', run: 'a', op: '>=', value: 600 });
    expect(watcher.outcome()?.state).toBe('unmet');
    // The old run may report its last step again before the new one reports.
    store.getState().patchRun('a', { live: readout(600) });
    expect(watcher.outcome()?.state).toBe('unmet');
    store.getState().patchRun('a', { live: readout(0) });
    expect(watcher.outcome()?.state).toBe('unmet');
    store.getState().patchRun('a', { live: readout(600) });
    expect(watcher.outcome()?.state).toBe('met');
  });

  it('looks at the depth every few frames, not through the store', () => {
    const { depth, watcher, frames } = setup();
    watcher.watch({ kind: 'depth', min: 0.4, max: 0.6 });
    expect(watcher.outcome()?.state).toBe('unmet');
    depth.set(4);
    frames(5);
    expect(watcher.outcome()?.state).toBe('unmet');
    frames(12);
    expect(watcher.outcome()?.state).toBe('met');
  });
});
