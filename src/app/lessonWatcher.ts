/**
 * Watches the page for a lesson task: builds LessonFacts from the store (the scenario, the play
 * state, both runs' read-outs and measures), the depth clock, and the facts other parts of the app
 * offer by name, and re-evaluates the condition when the store changes and every few frames (for the
 * depth, which moves at frame rate outside the store). Listeners hear only when the outcome or its
 * reading changes, a few times a second at most.
 */
import type { TransportMeasures } from '../core/measures';
import type { DepthClock } from '../render/depthClock';
import type { FrameLoop } from '../render/frameLoop';
import type { LessonCondition } from '../scenario/lesson';
import { selectLive, selectLiveB, selectPlaying, shownBlocks } from '../state/selectors';
import type { AppStore, LiveReadout } from '../state/store';
import type { ConditionState, LessonFacts, LessonFactValue, LessonReadout } from './lessonConditions';
import { conditionReading, evaluateCondition } from './lessonConditions';

/** Frames between two looks at the depth (about five a second at 60 fps). */
const DEPTH_FRAMES = 12;

/** Named facts offered by parts of the app (e.g. "history.scrubbed"); lessons' `fact` tasks read them. */
export interface LessonFactSources {
  /** Offers a fact; the returned function withdraws it. */
  offer(name: string, read: () => LessonFactValue | undefined): () => void;
  read(name: string): LessonFactValue | undefined;
}

export function createLessonFactSources(): LessonFactSources {
  const sources = new Map<string, () => LessonFactValue | undefined>();
  return {
    offer(name, read) {
      sources.set(name, read);
      return () => {
        if (sources.get(name) === read) sources.delete(name);
      };
    },
    read: (name) => sources.get(name)?.(),
  };
}

function readoutOf(live: LiveReadout | null, transport: TransportMeasures | null): LessonReadout | null {
  if (!live) return null;
  return {
    step: live.step,
    trainLoss: live.trainLoss,
    trainAccuracy: live.trainAccuracy,
    testLoss: live.testLoss,
    testAccuracy: live.testAccuracy,
    kineticCost: live.kineticCost,
    lambda: live.lambda,
    weight: live.weight,
    ...(transport
      ? {
          otRatio: transport.otRatio,
          straightness: transport.straightness,
          efficiency: transport.efficiency,
          monotonicityViolations: transport.monotonicityViolations,
        }
      : {}),
  };
}

/** Runs whose read-outs still describe a run being replaced (true: leave them out). */
export interface StaleRuns {
  a: boolean;
  b: boolean;
}

/** The page as a lesson task sees it now, leaving out the read-outs of runs being replaced. */
export function readLessonFacts(
  store: AppStore,
  depth: DepthClock,
  facts: LessonFactSources,
  stale: StaleRuns = { a: false, b: false },
): LessonFacts {
  const state = store.getState();
  const { a, b } = state.runs;
  return {
    scenario: state.scenario,
    runs: {
      a: stale.a ? null : readoutOf(a.live, a.transport),
      b: stale.b || !b ? null : readoutOf(b.live, b.transport),
    },
    playing: selectPlaying(state),
    depth: depth.depth(),
    blocks: shownBlocks(state),
    fact: facts.read,
  };
}

export interface TaskOutcome {
  state: ConditionState;
  /** Where the page stands, e.g. "now: test accuracy 84.0%", or null. */
  reading: string | null;
}

export interface LessonWatcher {
  /** Starts watching a condition (null: nothing to watch); the listener hears each new outcome. */
  watch(condition: LessonCondition | null): void;
  /**
   * The runs are being replaced (a step opens its own): until they report again, their current
   * read-outs and measures do not count.
   */
  forgetReadouts(): void;
  outcome(): TaskOutcome | null;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createLessonWatcher({
  store,
  depth,
  loop,
  facts,
}: {
  store: AppStore;
  depth: DepthClock;
  loop: FrameLoop;
  facts: LessonFactSources;
}): LessonWatcher {
  let condition: LessonCondition | null = null;
  let outcome: TaskOutcome | null = null;
  let frames = 0;
  /**
   * Per run, the step its read-out had when the run was replaced: until a read-out from below it
   * comes (the new run starts at step 0), what the old run reached, even re-reported, does not count.
   */
  let replacedAt: { a: number | null; b: number | null } = { a: null, b: null };
  const listeners = new Set<() => void>();
  const evaluate = () => {
    if (!condition) return;
    const live = selectLive(store.getState());
    const liveB = selectLiveB(store.getState());
    if (replacedAt.a !== null && live && live.step < replacedAt.a) replacedAt.a = null;
    if (replacedAt.b !== null && liveB && liveB.step < replacedAt.b) replacedAt.b = null;
    const now = readLessonFacts(store, depth, facts, { a: replacedAt.a !== null, b: replacedAt.b !== null });
    const next = { state: evaluateCondition(condition, now), reading: conditionReading(condition, now) };
    if (outcome && next.state === outcome.state && next.reading === outcome.reading) return;
    outcome = next;
    listeners.forEach((l) => l());
  };
  const unsubscribe = store.subscribe(evaluate);
  const removeFromLoop = loop.add(() => {
    frames = (frames + 1) % DEPTH_FRAMES;
    if (frames === 0) evaluate();
  });
  return {
    watch(next) {
      condition = next;
      outcome = null;
      evaluate();
      if (!next) listeners.forEach((l) => l());
    },
    forgetReadouts() {
      const live = selectLive(store.getState());
      const liveB = selectLiveB(store.getState());
      const stepOf = (readout: LiveReadout | null) => (readout && readout.step > 0 ? readout.step : null);
      replacedAt = { a: stepOf(live), b: stepOf(liveB) };
    },
    outcome: () => outcome,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      removeFromLoop();
      listeners.clear();
    },
  };
}
