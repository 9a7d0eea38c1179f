/**
 * The page's one store (zustand), in slices: the scenario being edited, play state, the backend,
 * a throttled read-out of the latest metrics, view settings and notices. Nothing here changes at
 * frame rate: snapshots go to the frame source, not through the store.
 */
import { createStore } from 'zustand/vanilla';
import type { BackendPreference, BackendReport } from '../core/backends';
import type { Scenario } from '../scenario/schema';
import type { PauseReason } from '../worker/protocol';

/** Latest numbers of the run, refreshed a few times a second. */
export interface LiveReadout {
  step: number;
  stepsPerSecond: number;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  kineticCost: number;
  lambda: number;
  weight: number;
  blocks: number;
}

export type NoticeTone = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
}

export interface AppState {
  scenario: Scenario;
  backendPreference: BackendPreference;
  backend: BackendReport | null;
  playing: boolean;
  compiling: boolean;
  pauseReason: PauseReason | null;
  live: LiveReadout | null;
  /** Depth t in [0, K] shown by the transport view. */
  depth: number;
  showTest: boolean;
  notices: Notice[];
  /** Set when the worker cannot train at all; the page shows it instead of the controls' effect. */
  fatalError: string | null;
}

export interface AppActions {
  editScenario(patch: Partial<Scenario>): void;
  replaceScenario(scenario: Scenario): void;
  setDepth(depth: number): void;
  setShowTest(show: boolean): void;
  notify(tone: NoticeTone, texts: readonly string[]): void;
  dismissNotice(id: number): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

let noticeId = 0;

export function createAppStore(initial: { scenario: Scenario; backendPreference: BackendPreference }) {
  return createStore<AppState & AppActions>()((set) => ({
    scenario: initial.scenario,
    backendPreference: initial.backendPreference,
    backend: null,
    playing: false,
    compiling: true,
    pauseReason: null,
    live: null,
    depth: initial.scenario.K,
    showTest: true,
    notices: [],
    fatalError: null,
    editScenario: (patch) =>
      set((state) => {
        const scenario = { ...state.scenario, ...patch };
        return { scenario, depth: Math.min(state.depth, scenario.K) };
      }),
    replaceScenario: (scenario) => set((state) => ({ scenario, depth: Math.min(state.depth, scenario.K) })),
    setDepth: (depth) => set({ depth }),
    setShowTest: (showTest) => set({ showTest }),
    notify: (tone, texts) =>
      set((state) => ({
        notices: [...state.notices, ...texts.map((text) => ({ id: ++noticeId, tone, text }))],
      })),
    dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  }));
}
