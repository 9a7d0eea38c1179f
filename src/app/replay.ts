/**
 * Replay of the training history: the step in view runs from the first kept step to the last over
 * a chosen number of seconds, on a log time axis by default (the early steps, where the map forms,
 * take as long as the many later ones) or a linear one. It pins each step it passes; the transport
 * view shows it at the depth and with the layers chosen. The page's frame loop drives it.
 */
import type { StepAxis } from './stepAxis';
import { nearestStep, stepAt } from './stepAxis';
import type { StepInView } from './stepInView';

/** The kept step a replay shows at `share` (0 to 1) of its length; `steps` ascending, not empty. */
export function replayStep(steps: readonly number[], share: number, axis: StepAxis): number {
  const first = steps[0];
  const span = steps[steps.length - 1] - first;
  return nearestStep(steps, first + stepAt(share, span, axis));
}

export interface ReplayOptions {
  seconds: number;
  axis: StepAxis;
}

export interface Replay {
  playing(): boolean;
  /** Plays the history from its first step; `onFrame` hears the share played (0 to 1). */
  start(options: ReplayOptions, onFrame?: (share: number) => void): void;
  stop(): void;
  /** Called when the replay starts or stops. */
  subscribe(listener: () => void): () => void;
}

/** What the replay needs: the page's frame loop (or a test's) and the run's kept steps. */
export interface ReplayDeps {
  steps: StepInView;
  keptSteps(): readonly number[];
  loop: { add(draw: (now: number) => void): () => void };
}

export function createReplay({ steps, keptSteps, loop }: ReplayDeps): Replay {
  let remove: (() => void) | null = null;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const stop = () => {
    if (!remove) return;
    remove();
    remove = null;
    changed();
  };
  return {
    playing: () => remove !== null,
    start({ seconds, axis }, onFrame) {
      stop();
      let started: number | null = null;
      remove = loop.add((now) => {
        const kept = keptSteps();
        if (kept.length === 0) return stop();
        started ??= now;
        const share = Math.min(1, (now - started) / (seconds * 1000));
        steps.pin(replayStep(kept, share, axis));
        onFrame?.(share);
        if (share >= 1) stop();
      });
      changed();
    },
    stop,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
