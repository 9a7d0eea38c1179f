/**
 * The page's one notion of "the training step in view": null while the view follows training (live),
 * else a step of the run's training history. The timeline pins a step; hovering a chart shows its
 * step for as long as the pointer stays (then the pinned one again), tapping a chart pins it; a link
 * or the replay pins steps too. Everything that shows a step (the transport view through the worker,
 * the timeline, a rule on every chart) reads shown(). No React, no DOM.
 */

export interface StepInView {
  /** The step shown: the hovered one while a chart is hovered, else the pinned one; null: live. */
  shown(): number | null;
  /** The step pinned by the timeline, a tap on a chart, a link or the replay; null: live. */
  pinned(): number | null;
  /** Pins a step (null: back to live); a hover in progress still wins until it ends. */
  pin(step: number | null): void;
  /** A chart is hovered at `step`, or no longer hovered (null). */
  hover(step: number | null): void;
  /** Called whenever shown() or pinned() changes. */
  subscribe(listener: () => void): () => void;
}

const clean = (step: number | null) =>
  step === null || !Number.isFinite(step) ? null : Math.max(0, Math.round(step));

export function createStepInView(): StepInView {
  let pinned: number | null = null;
  let hovered: number | null = null;
  const listeners = new Set<() => void>();
  const shown = () => hovered ?? pinned;
  const change = (apply: () => void) => {
    const before = [shown(), pinned];
    apply();
    if (before[0] !== shown() || before[1] !== pinned) listeners.forEach((l) => l());
  };
  return {
    shown,
    pinned: () => pinned,
    pin: (step) => change(() => (pinned = clean(step))),
    hover: (step) => change(() => (hovered = clean(step))),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
