/**
 * The page's one store (zustand), in slices: the scenario being edited, play state, the backend,
 * a throttled read-out of the latest metrics, view settings and notices. Nothing here changes at
 * frame rate: snapshots go to the frame source, not through the store.
 */
import { createStore } from 'zustand/vanilla';
import type { BackendPreference, BackendReport } from '../core/backends';
import type { TransportMeasures } from '../core/measures';
import type { EngineKind } from '../core/types';
import type { Scenario } from '../scenario/schema';
import type { PauseReason } from '../worker/protocol';

/** Latest numbers of the run, refreshed a few times a second. */
export interface LiveReadout {
  step: number;
  stepsPerSecond: number;
  /** The engine the steps run on. */
  engine: EngineKind;
  trainLoss: number;
  trainAccuracy: number;
  testLoss: number;
  testAccuracy: number;
  kineticCost: number;
  lambda: number;
  weight: number;
  blocks: number;
  /** E_k per block over the training set. */
  energies: number[];
}

export type NoticeTone = 'info' | 'warning' | 'error';

/** Colour theme: follow the system, or forced. Stays on this device (not in links). */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** What a notice offers to do about what it reports. */
export type NoticeAction = 'reset' | 'lower-lr';

export interface Notice {
  id: number;
  tone: NoticeTone;
  text: string;
  actions?: readonly NoticeAction[];
}

export interface AppState {
  scenario: Scenario;
  backendPreference: BackendPreference;
  backend: BackendReport | null;
  playing: boolean;
  compiling: boolean;
  pauseReason: PauseReason | null;
  live: LiveReadout | null;
  /** The latest least-action measures of the training flow (about once a second). */
  transport: TransportMeasures | null;
  /** The compared run's read-out and measures (compare mode), as `live` and `transport`. */
  liveB: LiveReadout | null;
  transportB: TransportMeasures | null;
  theme: ThemeChoice;
  notices: Notice[];
  /** Set when the worker cannot train at all; the page shows it instead of the controls' effect. */
  fatalError: string | null;
  /** Start training once the run being built is ready (a scenario opened with play=on). */
  autoplay: boolean;
  /** Counts scenarios opened as a whole (presets, links): each is a new history entry. */
  opened: number;
  /** Panels told to fail on their next render (the test hook that exercises error boundaries). */
  faults: readonly string[];
}

/**
 * Where each piece of state lives beyond the page: "link" travels in share links (the scenario, and
 * nothing else), "local" stays on this device (localStorage), "none" is rebuilt on every visit.
 */
export const STATE_TRAVEL: Readonly<Record<keyof AppState, 'link' | 'local' | 'none'>> = {
  scenario: 'link',
  backendPreference: 'none',
  backend: 'none',
  playing: 'none',
  compiling: 'none',
  pauseReason: 'none',
  live: 'none',
  transport: 'none',
  liveB: 'none',
  transportB: 'none',
  theme: 'local',
  notices: 'none',
  fatalError: 'none',
  autoplay: 'none',
  opened: 'none',
  faults: 'none',
};

export interface AppActions {
  editScenario(patch: Partial<Scenario>): void;
  replaceScenario(scenario: Scenario): void;
  /** Replaces the scenario as a whole (a preset, a link): a new history entry. */
  openScenario(scenario: Scenario): void;
  setTheme(theme: ThemeChoice): void;
  notify(tone: NoticeTone, texts: readonly string[], actions?: readonly NoticeAction[]): void;
  dismissNotice(id: number): void;
}

export type AppStore = ReturnType<typeof createAppStore>;

let noticeId = 0;

/**
 * Notices shown at most (older ones go first; those of the latest call always stay, so one link's
 * list of fixes is never cut).
 */
export const MAX_NOTICES = 12;

/**
 * The notices after adding `texts`: a text already shown moves to the end instead of appearing twice,
 * and the oldest go once there are more than MAX_NOTICES.
 */
function addNotices(
  notices: readonly Notice[],
  tone: NoticeTone,
  texts: readonly string[],
  actions?: readonly NoticeAction[],
): Notice[] {
  const added = [...new Set(texts)].map((text) => ({ id: ++noticeId, tone, text, actions }));
  const kept = notices.filter((n) => !texts.includes(n.text));
  return [...kept.slice(Math.max(0, kept.length + added.length - MAX_NOTICES)), ...added];
}

export function createAppStore(initial: {
  scenario: Scenario;
  backendPreference: BackendPreference;
  theme: ThemeChoice;
}) {
  return createStore<AppState & AppActions>()((set) => ({
    scenario: initial.scenario,
    backendPreference: initial.backendPreference,
    backend: null,
    playing: false,
    compiling: true,
    pauseReason: null,
    live: null,
    transport: null,
    liveB: null,
    transportB: null,
    theme: initial.theme,
    notices: [],
    fatalError: null,
    autoplay: initial.scenario.play === 'on',
    opened: 0,
    faults: [],
    editScenario: (patch) => set((state) => ({ scenario: { ...state.scenario, ...patch } })),
    replaceScenario: (scenario) => set({ scenario }),
    openScenario: (scenario) => set((state) => ({ scenario, opened: state.opened + 1 })),
    setTheme: (theme) => set({ theme }),
    notify: (tone, texts, actions) =>
      set((state) => ({ notices: addNotices(state.notices, tone, texts, actions) })),
    dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  }));
}
