/**
 * A read-only window into the running app for end-to-end tests and curious users (in the console:
 * `__lab.snapshot()`). It reads the same objects the page draws from.
 */
import { metric } from '../core/snapshot';
import type { MetricsHistory } from '../charts/metricsHistory';
import type { FrameSource } from '../render/frameSource';
import type { AppStore } from '../state/store';

export interface LabHook {
  /** The latest snapshot's step and metrics, or null before the first one. */
  snapshot(): {
    runId: number;
    step: number;
    trainLoss: number;
    trainAccuracy: number;
    testAccuracy: number;
    kineticCost: number;
    lambda: number;
    weight: number;
  } | null;
  /** Training-point positions at depth k, [n][2] flattened. */
  layer(k: number): number[];
  /** The loss of every recorded step, in order. */
  losses(): number[];
  state(): { playing: boolean; compiling: boolean; backend: string | null; depth: number };
}

declare global {
  interface Window {
    __lab?: LabHook;
  }
}

export function installTestHook(store: AppStore, frames: FrameSource, history: MetricsHistory): void {
  window.__lab = {
    snapshot() {
      const frame = frames.current();
      if (!frame) return null;
      const m = (name: Parameters<typeof metric>[1]) => metric(frame.views, name);
      return {
        runId: frame.run.runId,
        step: frame.step,
        trainLoss: m('trainLoss'),
        trainAccuracy: m('trainAccuracy'),
        testAccuracy: m('testAccuracy'),
        kineticCost: m('kineticCost'),
        lambda: m('lambda'),
        weight: m('weight'),
      };
    },
    layer(k) {
      const frame = frames.current();
      if (!frame) return [];
      const n = frame.layout.trainPoints;
      return Array.from(frame.views.trainPositions.subarray(k * n * 2, (k + 1) * n * 2));
    },
    losses() {
      const s = history.perStep.loss;
      return Array.from(s.ys.subarray(0, s.length));
    },
    state() {
      const s = store.getState();
      return { playing: s.playing, compiling: s.compiling, backend: s.backend?.name ?? null, depth: s.depth };
    },
  };
}
