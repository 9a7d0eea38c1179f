import { describe, expect, it } from 'vitest';
import { SpikeWatch } from './spikeWatch';

/** Feeds steps from..to with a loss and a lambda from functions of the step; returns the notices. */
function feed(
  watch: SpikeWatch,
  from: number,
  to: number,
  loss: (step: number) => number,
  lambda: (step: number) => number,
): { step: number; text: string }[] {
  const notices: { step: number; text: string }[] = [];
  for (let step = from; step <= to; step++) {
    const text = watch.observe(step, loss(step), lambda(step));
    if (text) notices.push({ step, text });
  }
  return notices;
}

describe('SpikeWatch', () => {
  it('says when the loss spikes, and when the spike ends what it did to lambda', () => {
    const watch = new SpikeWatch();
    const loss = (s: number) => (s >= 200 && s < 205 ? 2 : 1e-4);
    // lambda grows by tau * loss: 24 before the spike, 34 after five steps at loss 2.
    const lambda = (s: number) => 24 + 2 * Math.max(0, Math.min(s, 204) - 199);
    const notices = feed(watch, 1, 400, loss, lambda);
    expect(notices.map((n) => n.step)).toEqual([200, 205]);
    expect(notices[0].text).toBe('Loss spike at step 200: the training loss jumped from 1.0e-4 to 2.00.');
    expect(notices[1].text).toContain('λ went from 24.0 to 34.0');
    expect(notices[1].text).toContain('fell from 0.0417 to 0.0294');
  });

  it('ignores the start of training, slow changes and jumps of tiny losses', () => {
    const watch = new SpikeWatch();
    // From 0.69 down to 1e-4, then a jump to 0.05 (10x and more, but under the floor).
    const loss = (s: number) => (s < 300 ? 0.69 * Math.exp(-s / 35) : s < 310 ? 0.05 : 1e-4);
    expect(feed(watch, 1, 500, loss, () => 1)).toEqual([]);
  });

  it('says nothing about lambda outside least action (lambda does not move)', () => {
    const watch = new SpikeWatch();
    const notices = feed(
      watch,
      1,
      300,
      (s) => (s === 100 ? 5 : 1e-3),
      () => 1,
    );
    expect(notices.map((n) => n.step)).toEqual([100]);
  });

  it('forgets the past on reset: the first steps after it are never a spike', () => {
    const watch = new SpikeWatch();
    feed(
      watch,
      1,
      100,
      () => 1e-4,
      () => 1,
    );
    watch.reset();
    expect(
      feed(
        watch,
        101,
        120,
        () => 0.7,
        () => 1,
      ),
    ).toEqual([]);
  });
});
