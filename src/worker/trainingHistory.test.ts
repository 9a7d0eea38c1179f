import { describe, expect, it } from 'vitest';
import type { Checkpoint } from './trainingHistory';
import {
  DENSE_STEPS,
  LARGEST_WEIGHT_COUNT,
  GRID_CAPACITY,
  MARK_CAPACITY,
  MAX_CHECKPOINTS,
  TrainingHistory,
  gridStep,
  historyBytesBound,
} from './trainingHistory';

const checkpoint = (step: number, size = 4): Checkpoint => ({
  step,
  weights: new Float32Array(size).fill(step),
  lambda: 1,
  weight: 1,
});

/** Trains `history` step by step from its current end to `last`, as the session does. */
function train(history: TrainingHistory, from: number, last: number, size = 4): void {
  for (let step = from; step <= last; step++) if (history.due(step)) history.add(checkpoint(step, size));
}

describe('training history schedule', () => {
  it('keeps every step at first', () => {
    const history = new TrainingHistory(1);
    train(history, 0, DENSE_STEPS);
    expect(history.steps()).toEqual(Array.from({ length: DENSE_STEPS + 1 }, (_, i) => i));
  });

  it('then keeps steps on a log grid, one step apart where it starts', () => {
    expect(gridStep(1)).toBe(DENSE_STEPS + 1);
    for (let k = 2; k < 400; k++) expect(gridStep(k)).toBeGreaterThan(gridStep(k - 1));
    const history = new TrainingHistory(1);
    train(history, 0, 500);
    const late = history.steps().filter((s) => s > DENSE_STEPS);
    const expected: number[] = [];
    for (let k = 1; gridStep(k) <= 500; k++) expected.push(gridStep(k));
    expect(late).toEqual(expected);
  });

  it('stays within its bound over a million steps, thinning to a log spacing', () => {
    const history = new TrainingHistory(1);
    train(history, 0, 1_000_000);
    expect(history.size).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    const steps = history.steps();
    expect(steps.slice(0, DENSE_STEPS + 1)).toEqual(Array.from({ length: DENSE_STEPS + 1 }, (_, i) => i));
    const grid = steps.filter((s) => s > DENSE_STEPS);
    // Thinned at least once (the first grid reaches ~600 steps) and still spread over the whole run.
    expect(grid.length).toBeGreaterThan(GRID_CAPACITY / 2 - 1);
    expect(grid.length).toBeLessThanOrEqual(GRID_CAPACITY);
    expect(grid.at(-1)!).toBeGreaterThan(800_000);
    // Log spacing: every ratio between neighbours is the same up to rounding to whole steps.
    const ratios = grid.slice(1).map((s, i) => s / grid[i]);
    const late = ratios.filter((_, i) => grid[i] > 10_000);
    expect(Math.max(...late) / Math.min(...late)).toBeLessThan(1.001);
    expect(Math.max(...ratios)).toBeLessThan(1.2);
  });

  it('keeps one checkpoint at every live change, thinning them beyond their capacity', () => {
    const history = new TrainingHistory(1);
    train(history, 0, 1000);
    const changesAt = [333, 457, 458, 901];
    const shown = new TrainingHistory(1);
    for (let step = 0; step <= 1000; step++) {
      if (changesAt.includes(step)) shown.markChange(step);
      if (shown.wants(step)) shown.add(checkpoint(step));
    }
    for (const step of changesAt) expect(shown.steps()).toContain(step);
    expect(shown.changes()).toEqual(changesAt);
    expect(history.steps()).not.toContain(457);
    // A slider dragged for a long time: many changes, a bounded number of their checkpoints.
    const dragged = new TrainingHistory(1);
    for (let step = 0; step <= 5000; step++) {
      if (step > 2000 && step % 7 === 0) dragged.markChange(step);
      if (dragged.wants(step)) dragged.add(checkpoint(step));
    }
    expect(dragged.size).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    const marks = dragged.steps().filter((s) => s > 2000 && s % 7 === 0 && dragged.changes().includes(s));
    expect(marks.length).toBeGreaterThan(MARK_CAPACITY / 2);
    expect(dragged.steps()).toContain(4998);
  });

  it('spares the checkpoint in view when it thins, until the view lets it go', () => {
    const history = new TrainingHistory(1);
    train(history, 0, 300);
    // Grid point 1 (step 101) is the first to go when the grid thins, at about step 600.
    history.hold(gridStep(1));
    train(history, 301, 1000);
    const unheld = new TrainingHistory(1);
    train(unheld, 0, 1000);
    expect(unheld.steps()).not.toContain(gridStep(1));
    expect(history.steps()).toContain(gridStep(1));
    expect(history.size).toBeLessThanOrEqual(MAX_CHECKPOINTS);
    expect(history.nearest(gridStep(1))!.step).toBe(gridStep(1));
    // Let go, the next thinning (near step 3,700) drops it.
    history.hold(null);
    train(history, 1001, 5000);
    expect(history.steps()).not.toContain(gridStep(1));
    // A live change's checkpoint in view is spared by the thinning of live changes too.
    const marked = new TrainingHistory(1);
    const first = 2009;
    for (let step = 0; step <= 5000; step++) {
      if (step > 2000 && step % 7 === 0) marked.markChange(step);
      if (marked.wants(step)) marked.add(checkpoint(step));
      if (step === first) marked.hold(first);
    }
    expect(marked.steps()).toContain(first);
    expect(marked.size).toBeLessThanOrEqual(MAX_CHECKPOINTS);
  });

  it('starts a resumed run at its step and finds the nearest checkpoint', () => {
    const history = new TrainingHistory(2, 5000);
    train(history, 5000, 6000);
    expect(history.steps()[0]).toBe(5000);
    expect(history.steps()[1]).toBeGreaterThan(5000);
    expect(history.nearest(5001)!.step).toBe(5000);
    expect(history.nearest(1_000_000)!.step).toBe(history.steps().at(-1));
    expect(new TrainingHistory(3).nearest(10)).toBeNull();
    expect(history.runId).toBe(2);
  });

  it('bounds its memory at the largest network (K = 32, width 64)', () => {
    const largest = LARGEST_WEIGHT_COUNT;
    expect(largest).toBe(32 * (2 * 64 + 64 + 64 * 2 + 2) + 2 * 4 + 4);
    const history = new TrainingHistory(1);
    train(history, 0, 200_000, largest);
    expect(history.bytes()).toBeLessThanOrEqual(historyBytesBound(largest));
    expect(historyBytesBound(largest)).toBeLessThan(12.5e6);
  });
});
