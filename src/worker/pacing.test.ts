import { describe, expect, it } from 'vitest';
import { Pacer, SHOWN_WAIT_MS, StepRate, TEMPO_FLOOR, TEMPO_SECONDS, paceRate } from './pacing';

describe('Pacer', () => {
  it('doubles the steps of short slices and halves them when snapshots dominate', () => {
    const pacer = new Pacer();
    expect(pacer.budget(0, 0, Infinity)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    pacer.afterSlice(2, 2, 1, 2);
    expect(pacer.budget(0, 0, Infinity)).toBe(4);
    pacer.afterSlice(1, 4, 10, 100);
    expect(pacer.budget(0, 0, Infinity)).toBe(2);
  });

  it('allows the steps the pace has made due, and says how long to wait for the next', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 5; i++) pacer.afterSlice(2 ** i, 2 ** i, 1, 2);
    expect(pacer.budget(1000, 0, 100)).toBe(1);
    pacer.afterSlice(1, 1, 0, 0);
    expect(pacer.budget(1005, 1, 100)).toBe(0);
    expect(pacer.waitBefore(1005, 1)).toBeCloseTo(5, 6);
    expect(pacer.budget(1030, 1, 100)).toBe(3);
  });

  it('goes on from a pace after running as fast as possible, without a debt', () => {
    const pacer = new Pacer();
    expect(pacer.budget(0, 0, Infinity)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    pacer.afterSlice(2, 2, 1, 2);
    expect(pacer.budget(10, 3, 10)).toBe(1);
    pacer.afterSlice(1, 1, 0, 0);
    expect(pacer.waitBefore(10, 4)).toBeCloseTo(100, 6);
  });

  it('keeps at most a quarter of a second of steps a slow machine could not take', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 10; i++) pacer.afterSlice(2 ** i, 2 ** i, 1, 2);
    expect(pacer.budget(0, 0, 100)).toBe(1);
    expect(pacer.budget(10_000, 0, 100)).toBe(25);
  });

  it('keeps none at a pace slow enough to show every step: a late machine goes slower', () => {
    const pacer = new Pacer();
    for (let i = 0; i < 10; i++) pacer.afterSlice(2 ** i, 2 ** i, 1, 2);
    expect(pacer.budget(0, 0, 20)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    // Two seconds late: one step now, then the next a twentieth of a second later.
    expect(pacer.budget(2000, 1, 20)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    expect(pacer.waitBefore(2000, 2)).toBeCloseTo(50, 6);
  });

  it('waits for the page to show a snapshot at a pace that shows every step, for a while', () => {
    const pacer = new Pacer();
    expect(pacer.budget(0, 0, 10)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    pacer.shown(0);
    pacer.posted(1, 0);
    // Due at 100 ms, but the page has not shown step 1 yet.
    expect(pacer.budget(100, 1, 10)).toBe(0);
    expect(pacer.waitBefore(100, 1)).toBeGreaterThan(0);
    pacer.shown(1);
    expect(pacer.budget(110, 1, 10)).toBe(1);
    pacer.afterSlice(1, 1, 1, 2);
    pacer.posted(2, 110);
    // Never shown: the next step goes SHOWN_WAIT_MS after the snapshot was posted.
    expect(pacer.budget(110 + SHOWN_WAIT_MS - 1, 2, 10)).toBe(0);
    expect(pacer.budget(110 + SHOWN_WAIT_MS, 2, 10)).toBe(1);
    // Faster paces, or a hidden page, are not held back.
    pacer.posted(3, 1000);
    expect(pacer.budget(1001, 3, 1000)).toBeGreaterThan(0);
    pacer.shown(null);
    pacer.posted(4, 2000);
    expect(pacer.budget(2200, 4, 10)).toBe(1);
  });

  it('holds at a step', () => {
    const pacer = new Pacer();
    pacer.holdAt = 10;
    for (let i = 0; i < 6; i++) pacer.afterSlice(2 ** i, 2 ** i, 1, 2);
    expect(pacer.budget(0, 7, Infinity)).toBe(3);
    expect(pacer.waitBefore(0, 10)).toBeGreaterThan(0);
    pacer.holdAt = Infinity;
    expect(pacer.waitBefore(0, 10)).toBe(0);
  });
});

describe('paceRate', () => {
  it('gives the tempo a floor, then a rate that grows with the step count', () => {
    expect(paceRate('tempo', 0)).toBe(TEMPO_FLOOR);
    expect(paceRate('tempo', TEMPO_FLOOR * TEMPO_SECONDS)).toBe(TEMPO_FLOOR);
    expect(paceRate('tempo', 3000)).toBeCloseTo(3000 / TEMPO_SECONDS, 9);
  });

  it('gives fixed paces their rate and "max" none', () => {
    expect(paceRate('30', 12345)).toBe(30);
    expect(paceRate('max', 0)).toBe(Infinity);
  });
});

describe('StepRate', () => {
  it('measures steps per second over the last second', () => {
    const rate = new StepRate();
    expect(rate.measure(0, 0)).toBe(0);
    expect(rate.measure(500, 50)).toBe(100);
    expect(rate.measure(2000, 250)).toBeCloseTo(133.3, 0);
  });
});
