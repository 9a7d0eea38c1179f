/**
 * A read-only window into the running app for end-to-end tests, benchmarks and curious users (in the
 * console: `__lab.snapshot()`). It reads the same objects the page draws from.
 */
import { blockDisplacementCosts } from '../core/blockTransport';
import { metric } from '../core/snapshot';
import type { RenderStats } from '../render/renderStats';
import { selectTransport, shownBlocks } from '../state/selectors';
import type { App } from './createApp';
import { pageStudyRunner } from './pageStudyRunner';

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
  /** The steps of those losses (all steps, or every 2nd, 4th... once a long run was decimated). */
  lossSteps(): number[];
  /** The scenario's own run: its phase, whether it trains or is being prepared, and its backend. */
  state(): { phase: string; playing: boolean; compiling: boolean; backend: string | null };
  /** The depth the transport view shows now, and the direction of the flow animation (0: still). */
  depth(): { t: number; direction: number };
  /** The step, depth and region of the latest field layers, or null. */
  fields(): { step: number; depth: number; resolution: number; half: number } | null;
  /** The latest transport measurement, or null. */
  transport(): {
    points: number;
    otRatio: number;
    optimalCost: number;
    straightLineCost: number;
    /** W2^2(mu_k, mu_{k+1}) per block, and h^2 E_k on the same points. */
    blockOptimalCosts: number[];
    blockDisplacementCosts: number[];
  } | null;
  /** The square of the plane the transport view shows. */
  viewRegion(): { cx: number; cy: number; half: number } | null;
  /** The compared run's latest snapshot (compare mode), or null. */
  compared(): {
    step: number;
    kineticCost: number;
    weight: number;
    layer0: number[];
    layerK: number[];
  } | null;
  /** Cost of the transport view's draws over the last draws, in milliseconds. */
  renderStats(): RenderCost;
  /** Main-thread cost of every frame's work (all renderers, charts, thumbnails), in milliseconds. */
  frameStats(): RenderCost;
  /** The page's study: its status, runs finished of all, workers, and seconds since it started. */
  study(): { status: string; finished: number; total: number; workers: number; elapsedSeconds: number };
  /** Starts both statistics afresh. */
  resetRenderStats(): void;
  /** Makes a panel ("settings", "transport", "metrics") fail to render, or all recover (null). */
  injectRenderError(panel: string | null): void;
  /** Makes the scenario's worker fail: lose its GPU device, hang, or crash. */
  simulate(fault: 'device-loss' | 'hang' | 'crash'): void;
  /** Tensors and bytes tfjs holds in the scenario's worker, and the page's JavaScript heap in bytes. */
  memory(): Promise<{ numTensors: number; numBytes: number; heapBytes: number }>;
  /**
   * The scenario's training history: kept steps, steps of live changes, the step in view (null:
   * live), the step of the checkpoint frame drawn (null: the live frame) and the newest live step.
   */
  history(): {
    steps: number[];
    changes: number[];
    inView: number | null;
    drawn: number | null;
    live: number;
  };
}

declare global {
  interface Window {
    __lab?: LabHook;
  }
}

export interface RenderCost {
  frames: number;
  p50: number;
  p95: number;
}

const costOf = (stats: RenderStats): RenderCost => ({
  frames: stats.frames,
  p50: stats.percentile(50),
  p95: stats.percentile(95),
});

export function installTestHook(
  { store, runs, depth, view, steps }: App,
  { renderStats, frameStats }: { renderStats: RenderStats; frameStats: RenderStats },
): void {
  const frames = runs.a.frames;
  const history = runs.a.history;
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
    lossSteps() {
      const s = history.perStep.loss;
      return Array.from(s.xs.subarray(0, s.length));
    },
    state() {
      const s = store.getState();
      const phase = s.runs.a.status.phase;
      return {
        phase,
        playing: phase === 'training',
        compiling: phase === 'preparing' || phase === 'restarting',
        backend: s.backend?.name ?? null,
      };
    },
    depth: () => ({
      t: Math.min(depth.depth(), shownBlocks(store.getState())),
      direction: depth.direction(),
    }),
    fields() {
      const fields = frames.current()?.fields;
      return fields
        ? {
            step: fields.step,
            depth: fields.request.depth,
            resolution: fields.layout.resolution,
            half: fields.request.region.half,
          }
        : null;
    },
    transport() {
      const t = selectTransport(store.getState());
      return t
        ? {
            points: t.points,
            otRatio: t.otRatio,
            optimalCost: t.optimalCost,
            straightLineCost: t.straightLineCost,
            blockOptimalCosts: Array.from(t.blockOptimalCosts),
            blockDisplacementCosts: Array.from(blockDisplacementCosts(t.blockEnergies, t.stepSize)),
          }
        : null;
    },
    viewRegion() {
      const region = view.visible();
      return region ? { ...region } : null;
    },
    compared() {
      const frame = runs.b()?.frames.current();
      if (!frame) return null;
      const n = frame.layout.trainPoints;
      return {
        step: frame.step,
        kineticCost: metric(frame.views, 'kineticCost'),
        weight: metric(frame.views, 'weight'),
        layer0: Array.from(frame.views.trainPositions.subarray(0, n * 2)),
        layerK: Array.from(frame.views.trainPositions.subarray(frame.layout.blocks * n * 2)),
      };
    },
    study() {
      const s = pageStudyRunner().getState();
      const total = s.study ? s.study.values.length * s.study.arms.length * s.study.seeds : 0;
      return {
        status: s.status,
        finished: s.rows.length,
        total,
        workers: s.workers,
        elapsedSeconds: s.progress?.elapsedSeconds ?? 0,
      };
    },
    renderStats: () => costOf(renderStats),
    frameStats: () => costOf(frameStats),
    injectRenderError: (panel) => store.setState({ faults: panel ? [panel] : [] }),
    simulate: (fault) => runs.a.control.simulate(fault),
    async memory() {
      const worker = await runs.a.control.memory();
      const heap = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return { ...worker, heapBytes: heap?.usedJSHeapSize ?? NaN };
    },
    history: () => ({
      steps: [...runs.a.past.steps()],
      changes: [...runs.a.past.changes()],
      inView: steps.shown(),
      drawn: runs.a.past.shownStep(),
      live: runs.a.past.liveStep(),
    }),
    resetRenderStats: () => {
      renderStats.reset();
      frameStats.reset();
    },
  };
}
