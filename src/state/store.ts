/**
 * The page's one store (zustand), in slices: the scenario being edited, the runs (each run's status,
 * throttled read-out and measures), the backend, the theme and notices. Nothing here changes at frame
 * rate: snapshots go to the frame source, not through the store. Each value has one writer: the
 * scenario is edited by the controls, a run's slice only by that run (src/app/run.ts).
 */
import { createStore } from 'zustand/vanilla';
import type { BackendPreference, BackendReport } from '../core/backends';
import type { TransportMeasures } from '../core/measures';
import type { EngineKind } from '../core/types';
import type { Scenario } from '../scenario/schema';
import type { BackendMeasurement, PauseReason } from '../worker/protocol';

/** The phase of a run as the page shows it (src/app/runStatus.ts derives it). */
export type RunPhase = 'idle' | 'preparing' | 'training' | 'paused' | 'diverged' | 'restarting';

export interface RunStatus {
  phase: RunPhase;
  /** Why training last stopped by itself, or null. */
  reason: PauseReason | null;
}

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

/** What "auto" learned about the backends on this device for the current shapes. */
export interface BackendChoice {
  /** Each backend measured, with its steps per second or why it has none. */
  results: readonly BackendMeasurement[];
  /** Why the run trains where it does, in a sentence. */
  reason: string;
  /** A measurement is running now (in a probe worker). */
  measuring: boolean;
}

/** The scenario's own run, and the compared one. */
export type RunId = 'a' | 'b';

/** What the page knows of one run. */
export interface RunState {
  status: RunStatus;
  /** The latest read-out, or null before the first snapshot. */
  live: LiveReadout | null;
  /** The latest least-action measures of the training flow (about once a second), or null. */
  transport: TransportMeasures | null;
  /** Residual blocks of the run the worker announced (the scenario's K until then). */
  blocks: number | null;
  /**
   * While a past training step is viewed (src/app/pastView.ts): its read-out and measures, which the
   * read-outs show instead of the live ones; null when the view is live. `live` stays the training's.
   */
  past: { live: LiveReadout | null; transport: TransportMeasures | null } | null;
}

export const NEW_RUN: RunState = {
  status: { phase: 'preparing', reason: null },
  live: null,
  transport: null,
  blocks: null,
  past: null,
};

export interface AppState {
  scenario: Scenario;
  backendPreference: BackendPreference;
  backend: BackendReport | null;
  /** Written by src/app/backendRace.ts only; null until "auto" has measured (or when forced). */
  backendChoice: BackendChoice | null;
  /** The scenario's own run, and in compare mode the second one (else null). */
  runs: { a: RunState; b: RunState | null };
  theme: ThemeChoice;
  notices: Notice[];
  /** Set when the worker cannot train at all; the page shows it instead of the controls' effect. */
  fatalError: string | null;
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
  backendChoice: 'none',
  runs: 'none',
  theme: 'local',
  notices: 'none',
  fatalError: 'none',
  faults: 'none',
};

export interface AppActions {
  editScenario(patch: Partial<Scenario>): void;
  replaceScenario(scenario: Scenario): void;
  /** Changes what the page knows of a run (only that run's own code calls this). */
  patchRun(id: RunId, patch: Partial<RunState>): void;
  /** Starts (a fresh slice) or ends (null) the compared run's slice. */
  setCompared(on: boolean): void;
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
    backendChoice: null,
    runs: { a: NEW_RUN, b: null },
    theme: initial.theme,
    notices: [],
    fatalError: null,
    faults: [],
    editScenario: (patch) => set((state) => ({ scenario: { ...state.scenario, ...patch } })),
    replaceScenario: (scenario) => set({ scenario }),
    patchRun: (id, patch) =>
      set((state) => {
        const run = state.runs[id];
        // A compared run that was just closed may still be settling: its slice is gone.
        return run ? { runs: { ...state.runs, [id]: { ...run, ...patch } } } : {};
      }),
    setCompared: (on) => set((state) => ({ runs: { a: state.runs.a, b: on ? NEW_RUN : null } })),
    setTheme: (theme) => set({ theme }),
    notify: (tone, texts, actions) =>
      set((state) => ({ notices: addNotices(state.notices, tone, texts, actions) })),
    dismissNotice: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  }));
}
