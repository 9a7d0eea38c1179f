import { describe, expect, it } from 'vitest';
import type { RunInfo, WorkerEvent } from '../worker/protocol';
import { createFrameSource } from '../render/frameSource';
import { snapshotLength } from '../core/snapshot';
import { openAtStep } from './openAtStep';
import { createPastView } from './pastView';
import { createReplay, replayStep } from './replay';
import { nearestStep, shareOf, stepAt } from './stepAxis';
import { createStepInView } from './stepInView';
import { syncStepInView } from './stepInViewSync';

const run: RunInfo = {
  runId: 1,
  resumedAt: 0,
  blocks: 1,
  stepSize: 1,
  classes: 2,
  trainLabels: new Uint8Array([0]),
  testLabels: new Uint8Array([1]),
};
const layout = { blocks: 1, trainPoints: 1, testPoints: 1, historyRows: 0 };

/** A snapshot event of the one-point run whose output sits at (x, x). */
function snapshot(step: number, x: number, checkpoint = false): WorkerEvent {
  const data = new Float32Array(snapshotLength(layout));
  data.set([0, 0, x, x, 0, 0, x, x]);
  return {
    type: 'snapshot',
    runId: 1,
    step,
    layout,
    data,
    stepsPerSecond: 0,
    engine: 'reference',
    checkpoint,
  };
}

describe('the step in view', () => {
  it('shows the hovered step while a chart is hovered, else the pinned one; null is live', () => {
    const steps = createStepInView();
    const seen: (number | null)[] = [];
    steps.subscribe(() => seen.push(steps.shown()));
    steps.pin(120.4);
    steps.hover(30);
    steps.pin(200);
    steps.hover(null);
    steps.pin(null);
    steps.pin(null);
    steps.hover(Number.NaN);
    expect(seen).toEqual([120, 30, 30, 200, null]);
    expect(steps.pinned()).toBeNull();
  });
});

describe('the step axis', () => {
  it('maps shares to steps and back, on a log or a linear axis', () => {
    expect(stepAt(0, 1000, 'log')).toBe(0);
    expect(stepAt(1, 1000, 'log')).toBeCloseTo(1000, 9);
    expect(stepAt(0.5, 1000, 'log')).toBeCloseTo(Math.sqrt(1001) - 1, 9);
    expect(stepAt(0.5, 1000, 'linear')).toBe(500);
    for (const axis of ['log', 'linear'] as const)
      for (const share of [0, 0.1, 0.37, 0.9, 1])
        expect(shareOf(stepAt(share, 5000, axis), 5000, axis)).toBeCloseTo(share, 9);
    expect(shareOf(10, 0, 'log')).toBe(0);
    expect(nearestStep([0, 1, 5, 9], 3)).toBe(1);
    expect(nearestStep([0, 1, 5, 9], 3.1)).toBe(5);
    expect(nearestStep([0, 1, 5, 9], 100)).toBe(9);
  });

  it('replays kept steps in log time: the early steps take as long as the later ones', () => {
    const kept = [0, 1, 2, 3, 5, 8, 13, 100, 1000, 10_000];
    expect(replayStep(kept, 0, 'log')).toBe(0);
    expect(replayStep(kept, 1, 'log')).toBe(10_000);
    expect(replayStep(kept, 0.25, 'log')).toBe(8);
    expect(replayStep(kept, 0.25, 'linear')).toBe(1000);
  });
});

describe('the replay', () => {
  it('pins each step it passes over its length and stops on the last one', () => {
    const steps = createStepInView();
    let draw: ((now: number) => void) | null = null;
    const loop = { add: (d: (now: number) => void) => ((draw = d), () => (draw = null)) };
    const replay = createReplay({ steps, keptSteps: () => [0, 10, 100, 1000], loop });
    const shares: number[] = [];
    replay.start({ seconds: 2, axis: 'linear' }, (share) => shares.push(share));
    expect(replay.playing()).toBe(true);
    for (const now of [500, 1000, 1500, 2000]) draw!(now);
    expect(shares).toEqual([0, 0.25, 0.5, 0.75]);
    expect(steps.pinned()).toBe(1000);
    draw!(2600);
    expect(replay.playing()).toBe(false);
    expect(draw).toBeNull();
  });
});

describe('a run’s past view on the page', () => {
  it('draws the checkpoint frame while viewing, on the live axes, and the live one otherwise', () => {
    const live = createFrameSource();
    const past = createPastView(live);
    const restarts: number[] = [];
    past.onRestart(() => restarts.push(1));
    const route = (event: WorkerEvent) => {
      if (!past.route(event) && event.type === 'run') past.frames.setRun(event.info);
      else if (event.type === 'snapshot' && !event.checkpoint)
        past.frames.push(1, event.step, layout, event.data);
    };
    route({ type: 'run', info: run });
    route(snapshot(300, 5));
    expect(past.route({ type: 'history', runId: 1, fresh: true, steps: [0, 1, 2, 300], changes: [2] })).toBe(
      true,
    );
    expect(past.steps()).toEqual([0, 1, 2, 300]);
    expect(past.frames.current()!.step).toBe(300);
    route(snapshot(2, 1, true));
    expect(past.frames.current()!.step).toBe(300);
    const version = past.frames.version();
    past.setViewing(true);
    expect(past.frames.version()).toBeGreaterThan(version);
    const frame = past.frames.current()!;
    expect(frame.step).toBe(2);
    expect(past.shownStep()).toBe(2);
    expect(frame.region).toBe(live.current()!.region);
    expect(past.frames.current()).toBe(frame);
    // Live snapshots keep arriving and are kept, but not drawn.
    route(snapshot(310, 6));
    expect(past.liveStep()).toBe(310);
    expect(past.frames.current()!.step).toBe(2);
    past.setViewing(false);
    expect(past.frames.current()!.step).toBe(310);
    // A thinned history is shorter but the same: the step in view stays.
    expect(restarts).toHaveLength(1);
    past.route({ type: 'history', runId: 1, fresh: false, steps: [0, 2, 300, 320], changes: [2] });
    expect(restarts).toHaveLength(1);
    expect(past.steps()).toEqual([0, 2, 300, 320]);
    // A reset starts a new history: the page goes back to live.
    past.route({ type: 'history', runId: 1, fresh: true, steps: [0], changes: [] });
    expect(restarts).toHaveLength(2);
    expect(past.route({ type: 'history', runId: 7, fresh: false, steps: [0, 1, 2, 3, 4], changes: [] })).toBe(
      true,
    );
    expect(past.steps()).toEqual([0]);
  });

  it('asks every run for the step in view, once per change, and goes back to live on a restart', () => {
    const steps = createStepInView();
    const sent: [string, number | null][] = [];
    const viewedRun = (name: string) => {
      const past = createPastView(createFrameSource());
      return { past, control: { viewStep: (step: number | null) => sent.push([name, step]) } };
    };
    const a = viewedRun('a');
    const b = viewedRun('b');
    let runs = [a];
    const listeners = new Set<() => void>();
    syncStepInView(steps, {
      all: () => runs,
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    });
    steps.pin(40);
    steps.hover(40);
    expect(a.past.viewing()).toBe(true);
    runs = [a, b];
    listeners.forEach((l) => l());
    expect(b.past.viewing()).toBe(true);
    b.past.route({ type: 'run', info: run });
    expect(steps.pinned()).toBeNull();
    steps.hover(null);
    expect(sent).toEqual([
      ['a', null],
      ['a', 40],
      ['b', 40],
      ['a', null],
      ['b', null],
    ]);
    expect(a.past.viewing()).toBe(false);
  });
});

describe('opening a link at a training step', () => {
  /** A run the test moves by hand, recording what the opener asks of it. */
  function fakeRun() {
    const run = { step: null as number | null, playing: false, preparing: true };
    const calls: string[] = [];
    const listeners = new Set<() => void>();
    const deps = {
      run: () => run,
      subscribe: (l: () => void) => (listeners.add(l), () => listeners.delete(l)),
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      hold: (step: number) => calls.push(`hold ${step}`),
    };
    const move = (patch: Partial<typeof run>) => {
      Object.assign(run, patch);
      listeners.forEach((l) => l());
    };
    return { deps, calls, move, listeners };
  }

  it('waits for the run, trains to the step held there, shows progress, then pauses', () => {
    const { deps, calls, move, listeners } = fakeRun();
    const opening = openAtStep(deps, 300);
    expect(opening.progress()).toBeNull();
    move({ preparing: false, step: 0 });
    expect(calls).toEqual(['hold 300', 'play']);
    expect(opening.progress()).toEqual({ target: 300, step: 0 });
    move({ playing: true, step: 120 });
    expect(opening.progress()).toEqual({ target: 300, step: 120 });
    move({ step: 300 });
    expect(calls).toEqual(['hold 300', 'play', 'pause', 'hold Infinity']);
    expect(opening.progress()).toBeNull();
    expect(opening.reached()).toBe(300);
    expect(listeners.size).toBe(0);
  });

  it('gives up when paused by hand, and does nothing without a step asked for', () => {
    const { deps, calls, move } = fakeRun();
    const opening = openAtStep(deps, 300);
    move({ preparing: false, step: 0 });
    move({ playing: false, step: 0 });
    expect(opening.progress()).not.toBeNull();
    move({ playing: true, step: 50 });
    move({ playing: false, step: 60 });
    expect(calls).toEqual(['hold 300', 'play', 'hold Infinity']);
    expect(opening.progress()).toBeNull();
    expect(opening.reached()).toBeNull();
    const none = fakeRun();
    openAtStep(none.deps, 0);
    none.move({ preparing: false, step: 0 });
    expect(none.calls).toEqual([]);
  });
});
