/**
 * A link that asks to open at a training step of its run (`open=300`): once the run is ready the page
 * trains to exactly that step (the worker holds there), showing its progress, then pauses, so that
 * everyone who opens the link looks at the same network (step 300 of the same seed is the same
 * network, bit for bit on the same backend) with its training history to scrub. Pausing by hand on
 * the way gives up.
 */
import { selectPlaying, selectPreparing } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { Runs } from './runs';

/** What opening at a step needs of the page. */
export interface OpeningDeps {
  /** The scenario run's newest step, whether it trains, and whether it is being prepared. */
  run(): { step: number | null; playing: boolean; preparing: boolean };
  /** Called whenever run() may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  play(): void;
  pause(): void;
  /** Do not train beyond this step (Infinity: no hold). */
  hold(step: number): void;
}

export interface OpeningAtStep {
  /** The step asked for and the step reached, while training there; null before, after or if none. */
  progress(): { target: number; step: number } | null;
  /** The step asked for once training got there (null before, if given up, or if none). */
  reached(): number | null;
  subscribe(listener: () => void): () => void;
}

export function openAtStep(deps: OpeningDeps, target: number): OpeningAtStep {
  const listeners = new Set<() => void>();
  let progress: { target: number; step: number } | null = null;
  let reached: number | null = null;
  let phase: 'waiting' | 'started' | 'training' | 'done' = target > 0 ? 'waiting' : 'done';
  const set = (next: typeof progress) => {
    progress = next;
    listeners.forEach((l) => l());
  };
  const finish = () => {
    phase = 'done';
    unsubscribe();
    set(null);
  };
  const check = () => {
    const run = deps.run();
    if (phase === 'waiting') {
      if (run.preparing || run.step === null) return;
      if (run.step >= target) return finish();
      phase = 'started';
      deps.hold(target);
      deps.play();
      set({ target, step: run.step });
      return;
    }
    if (phase === 'done' || run.step === null) return;
    if (run.step >= target) {
      // The pause reaches the worker before the hold is lifted: training stops at the target.
      deps.pause();
      deps.hold(Infinity);
      reached = target;
      return finish();
    }
    if (run.playing) phase = 'training';
    else if (phase === 'training') {
      // Paused by hand on the way: the page stays where it is.
      deps.hold(Infinity);
      return finish();
    }
    if (progress?.step !== run.step) set({ target, step: run.step });
  };
  const unsubscribe = phase === 'done' ? () => undefined : deps.subscribe(check);
  check();
  return {
    progress: () => progress,
    reached: () => reached,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What opening at a step needs, from the page's store and runs. */
export function openingDeps(store: AppStore, runs: Runs): OpeningDeps {
  return {
    run() {
      const state = store.getState();
      return {
        step: state.runs.a.live?.step ?? null,
        playing: selectPlaying(state),
        preparing: selectPreparing(state),
      };
    },
    subscribe: (listener) => store.subscribe(listener),
    play: () => runs.play(),
    pause: () => runs.pause(),
    hold: (step) => runs.all().forEach((run) => run.control.hold(step)),
  };
}
