/**
 * The lesson being followed: which lesson, which step, which tasks are done, whether answers may be
 * shown. Entering a step opens the scenario it runs on when that differs from the one the previous
 * step ran on (so a student's edits survive the steps that keep the run); the address carries the
 * lesson and the step beside the scenario, and a link with them opens the lesson there. No React:
 * the player in src/ui/lesson/ subscribes to it.
 */
import type { DepthClock } from '../render/depthClock';
import type { FrameLoop } from '../render/frameLoop';
import type { Lesson, LessonRestoreResult } from '../scenario/lesson';
import { scenarioStepOf } from '../scenario/lesson';
import type { LessonLinkParams } from '../scenario/lessonLink';
import {
  decodeLessonData,
  encodeLessonData,
  MAX_LESSON_DATA_LENGTH,
  readLessonParams,
  withLessonParams,
} from '../scenario/lessonLink';
import { isLessonLinkKey } from '../scenario/lessonLinkKeys';
import { decodeScenarioLink } from '../scenario/link';
import { changedInScope, needsRebuild } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import { FIELDS, SCENARIO_KEYS, sameValue } from '../scenario/schema';
import type { AppStore } from '../state/store';
import type { LessonFactSources, TaskOutcome } from './lessonWatcher';
import type { PageEnvironment } from './ports';
import type { Runs } from './runs';
import { createLessonWatcher } from './lessonWatcher';

/** What the player shows. */
export interface LessonView {
  lesson: Lesson;
  /** True for a built-in lesson (its link carries only its name). */
  builtIn: boolean;
  /** 0-based step shown. */
  index: number;
  /** False when the link hid the answers. */
  answers: boolean;
  /** Per step: its task was met at some moment (a done task stays done). */
  done: readonly boolean[];
  /** The current step's task now, or null when it has none. */
  task: TaskOutcome | null;
}

export interface LessonSession {
  view(): LessonView | null;
  subscribe(listener: () => void): () => void;
  /** Starts a lesson at a step, opening the scenario that step runs on. */
  start(lesson: Lesson, options?: { builtIn?: boolean; index?: number; answers?: boolean }): void;
  go(index: number): void;
  next(): void;
  prev(): void;
  /** Opens the current step's scenario again (a fresh run of it). */
  restartStep(): void;
  close(): void;
  /** Follows the lesson keys of the address, if any (on opening the page and on hashchange). */
  followAddress(): Promise<void>;
  /** Parts of the app offer named facts here for `fact` tasks. */
  facts: LessonFactSources;
  dispose(): void;
}

/** Settings a teacher set for the class that a step's scenario does not replace. */
const PRESENTATION_KEYS = ['class', 'hide', 'lock'] as const;

/** Whether b is a's run with at most its view changed (so the run may keep its training). */
function sameRun(a: Scenario, b: Scenario): boolean {
  return !needsRebuild(a, b) && !changedInScope(a, b, 'training');
}

export function createLessonSession({
  store,
  open,
  runs,
  depth,
  loop,
  facts,
  findBuiltIn,
  page,
}: {
  store: AppStore;
  /** Opens a scenario as a whole (a new run). */
  open: (scenario: Scenario) => unknown;
  /** The runs, to pause and reset them when a step opens its own. */
  runs: Pick<Runs, 'pause' | 'reset'>;
  depth: DepthClock;
  loop: FrameLoop;
  facts: LessonFactSources;
  /** A built-in lesson by its link name. */
  findBuiltIn: (id: string) => Lesson | undefined;
  /** The page's address (absent in Node: the lesson then lives only in memory). */
  page: Pick<PageEnvironment, 'hash' | 'writeHash' | 'onHashChange'> | null;
}): LessonSession {
  const address = { hash: () => page?.hash() ?? '', replace: (hash: string) => page?.writeHash(hash, true) };
  const watcher = createLessonWatcher({ store, depth, loop, facts });
  const listeners = new Set<() => void>();
  let view: LessonView | null = null;
  /** The link text that names the lesson (its id, or `~` and its data); null until known. */
  let linkName: string | null = null;
  const notify = () => listeners.forEach((l) => l());
  const set = (next: LessonView | null) => {
    view = next;
    notify();
  };
  const writeAddress = () => {
    const params: LessonLinkParams | null =
      view && linkName !== null ? { lesson: linkName, step: view.index, answers: view.answers } : null;
    const hash = withLessonParams(address.hash(), params);
    if (hash !== address.hash()) address.replace(hash);
  };

  watcher.subscribe(() => {
    if (!view) return;
    const task = watcher.outcome();
    const done = task?.state === 'met' && !view.done[view.index];
    set({
      ...view,
      task,
      done: done ? view.done.map((d, i) => d || i === view!.index) : view.done,
    });
  });

  /** A step's scenario, keeping the class's presentation settings. */
  const stepScenario = (link: string): Scenario => {
    const current = store.getState().scenario;
    const { scenario } = decodeScenarioLink(link);
    for (const key of PRESENTATION_KEYS) (scenario as unknown as Record<string, unknown>)[key] = current[key];
    return scenario;
  };

  /**
   * Opens a step's run from the seed. Settings that apply live (the penalty, the optimiser) would
   * otherwise carry on from the trained network, so a run that is not rebuilt is reset.
   */
  const openFresh = (scenario: Scenario) => {
    const rebuilds = needsRebuild(store.getState().scenario, scenario);
    watcher.forgetReadouts();
    // The new run waits for the student (a run being trained would otherwise carry on into it).
    runs.pause();
    open(scenario);
    if (!rebuilds) runs.reset();
  };

  const openStepScenario = (link: string) => {
    const current = store.getState().scenario;
    const scenario = stepScenario(link);
    if (!sameRun(scenario, current)) {
      openFresh(scenario);
      return;
    }
    // The same run: only the view changes, and the run keeps its training.
    const patch: Record<string, unknown> = {};
    for (const key of SCENARIO_KEYS) {
      if (FIELDS[key].scope === 'view' && key !== 'play' && !sameValue(key, scenario[key], current[key]))
        patch[key] = scenario[key];
    }
    if (Object.keys(patch).length === 0) return;
    store.getState().editScenario(patch as Partial<Scenario>);
    if (patch.depth !== undefined) depth.set(Math.min(scenario.depth, scenario.K));
  };

  /** Shows step `index`, coming from step `from` (null: from outside the lesson). */
  const enter = (index: number, from: number | null, keepScenario = false) => {
    if (!view) return;
    const lesson = view.lesson;
    const target = scenarioStepOf(lesson, index);
    const previous = from === null ? -2 : scenarioStepOf(lesson, from);
    set({ ...view, index, task: null });
    writeAddress();
    if (!keepScenario && target >= 0 && target !== previous) openStepScenario(lesson.steps[target].open!);
    watcher.watch(lesson.steps[index].task?.when ?? null);
  };

  const start: LessonSession['start'] = (lesson, options = {}) => {
    const builtIn = options.builtIn ?? false;
    linkName = builtIn ? lesson.id : null;
    const index = Math.min(Math.max(0, options.index ?? 0), lesson.steps.length - 1);
    view = {
      lesson,
      builtIn,
      index,
      answers: options.answers ?? true,
      done: lesson.steps.map(() => false),
      task: null,
    };
    enter(index, null);
    if (!builtIn) {
      void encodeLessonData(lesson).then((data) => {
        if (view?.lesson !== lesson || data.length > MAX_LESSON_DATA_LENGTH + 1) return;
        linkName = data;
        writeAddress();
      });
    }
  };

  const go = (index: number) => {
    if (!view) return;
    const next = Math.min(Math.max(0, index), view.lesson.steps.length - 1);
    if (next !== view.index) enter(next, view.index);
  };

  /** The lesson a link names, with notices. */
  const resolve = async (name: string): Promise<LessonRestoreResult & { builtIn: boolean }> => {
    if (name.startsWith('~')) return { ...(await decodeLessonData(name)), builtIn: false };
    const lesson = findBuiltIn(name);
    return lesson
      ? { lesson, notices: [], builtIn: true }
      : {
          lesson: null,
          notices: [`There is no lesson named "${name.slice(0, 40)}"; no lesson was opened.`],
          builtIn: false,
        };
  };

  const followAddress = async () => {
    const hash = address.hash();
    const { params, notices } = readLessonParams(hash);
    if (!params) {
      // The lesson stays open when the address loses its keys (Back, a pasted link): put them back.
      if (view) writeAddress();
      return;
    }
    if (view && params.lesson === linkName) {
      if (params.step !== view.index || params.answers !== view.answers) {
        view = { ...view, answers: params.answers };
        enter(Math.min(params.step, view.lesson.steps.length - 1), view.index, true);
      }
      if (notices.length > 0) store.getState().notify('warning', notices);
      return;
    }
    const found = await resolve(params.lesson);
    const all = [...notices, ...found.notices];
    if (found.lesson && params.step >= found.lesson.steps.length)
      all.push(`The lesson has ${found.lesson.steps.length} steps; showing the last.`);
    if (all.length > 0) store.getState().notify(found.lesson ? 'warning' : 'error', all);
    if (!found.lesson) {
      // The lesson already open, if any, stays open and keeps its place in the address.
      if (view) writeAddress();
      else address.replace(withLessonParams(hash, null));
      return;
    }
    // Presentation settings alone (a teacher's class=on) do not name a run.
    const notRun = new Set<string>(['v', ...PRESENTATION_KEYS]);
    const hasScenario = [...new URLSearchParams(hash.replace(/^#/, ''))].some(
      ([key]) => !isLessonLinkKey(key) && !notRun.has(key),
    );
    linkName = params.lesson;
    const lesson = found.lesson;
    const index = Math.min(params.step, lesson.steps.length - 1);
    view = {
      lesson,
      builtIn: found.builtIn,
      index,
      answers: params.answers,
      done: lesson.steps.map(() => false),
      task: null,
    };
    // A link that names its scenario opens on it (it may hold the student's edits); one that names
    // only the lesson opens the scenario the step runs on.
    enter(index, null, hasScenario);
  };

  const stopListening = page?.onHashChange(() => void followAddress());

  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    go,
    next: () => view && go(view.index + 1),
    prev: () => view && go(view.index - 1),
    restartStep() {
      if (!view) return;
      const target = scenarioStepOf(view.lesson, view.index);
      if (target >= 0) openFresh(stepScenario(view.lesson.steps[target].open!));
    },
    close() {
      watcher.watch(null);
      set(null);
      linkName = null;
      writeAddress();
    },
    followAddress,
    facts,
    dispose() {
      watcher.dispose();
      stopListening?.();
    },
  };
}
