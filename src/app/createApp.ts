/**
 * The page's orchestration, without React: the store, the training runs and their workers, opening
 * scenarios, the address bar, the depth, the user's own points. main.tsx calls createApp with the
 * browser's clock, Web Workers, localStorage and page; unit tests call it with a fake clock,
 * in-process workers and no page, and drive the same code.
 */
import type { BackendPreference } from '../core/backends';
import type { Camera } from '../render/camera';
import { createCamera } from '../render/camera';
import type { DepthClock } from '../render/depthClock';
import { createDepthClock } from '../render/depthClock';
import type { FrameLoop } from '../render/frameLoop';
import { decodeScenarioLink } from '../scenario/link';
import type { AppStore } from '../state/store';
import { createAppStore } from '../state/store';
import type { BackendRace, MeasurementOptions } from './backendRace';
import { createBackendRace, DEFAULT_MEASUREMENT, storedWinner } from './backendRace';
import { createDepthAnimator } from './depthAnimator';
import type { OpeningAtStep } from './openAtStep';
import { openAtStep, openingDeps } from './openAtStep';
import type { StepInView } from './stepInView';
import { createStepInView } from './stepInView';
import { syncStepInView } from './stepInViewSync';
import { syncDepthToScenario } from './depthSync';
import type { ScenarioOpener } from './openScenario';
import { createScenarioOpener, loadTrainedState, playWhenBuilt } from './openScenario';
import type { PointEditor } from './pointEditor';
import { createPointEditor } from './pointEditor';
import type { AppClock, CreateWorker, KeyValueStorage, PageEnvironment } from './ports';
import type { Runs } from './runs';
import { createRuns } from './runs';
import { keepThemeInStorage, storedTheme } from './themeStorage';
import { createUrlSync } from './urlSync';
import type { ViewRegion } from './viewRegion';
import { createViewRegion } from './viewRegion';
import { attachViewSyncs } from './viewSync';

export interface AppDeps {
  createWorker: CreateWorker;
  clock: AppClock;
  storage: KeyValueStorage | null;
  /** The browser page (address bar, visibility), or null in Node. */
  page: PageEnvironment | null;
  /** The link the app opens with (the page's own address by default). */
  link?: string;
  /** The backend asked for (`?backend=` in the page). */
  backendPreference?: BackendPreference;
  /** Notices about the address itself, shown with the link's own. */
  notices?: readonly string[];
  /** Names this device where measured backend speeds are kept (e.g. the browser and its cores). */
  device?: string;
  /** How "auto" measures the backends (test hooks scale the times; see backendRace.ts). */
  measurement?: Partial<MeasurementOptions>;
}

export interface App {
  store: AppStore;
  /** The training runs: the scenario's own and, in compare mode, a second one. */
  runs: Runs;
  /** The square of the plane the transport canvases show. */
  view: ViewRegion;
  /** The depth shown and its animation (changes at frame rate, so not in the store). */
  depth: DepthClock;
  /** The user's zoom and pan of the transport view. */
  camera: Camera;
  /** Opens a scenario as a whole (presets, links, back/forward). */
  open: ScenarioOpener;
  /** Edits of the user's own points, with undo and redo. */
  points: PointEditor;
  /** The training step in view (null: live), shared by the timeline and the charts. */
  steps: StepInView;
  /** Training to the step a link asks to open at (`open`), with its progress. */
  opening: OpeningAtStep;
  /** How "auto" chooses the backend by measurement. */
  backends: BackendRace;
  /** Resolves once a trained state the opening link carries has been handed to the worker. */
  ready: Promise<void>;
  /** Puts the per-frame work (the flow animation, telling workers what the view needs) in a loop. */
  attachFrameLoop(loop: FrameLoop, reducedMotion: () => boolean): void;
  dispose(): void;
}

export function createApp(deps: AppDeps): App {
  const { clock, page } = deps;
  const { scenario, notices, trained } = decodeScenarioLink(deps.link ?? page?.hash() ?? '');
  const store = createAppStore({
    scenario,
    backendPreference: deps.backendPreference ?? 'auto',
    theme: storedTheme(deps.storage),
  });
  const allNotices = [...(deps.notices ?? []), ...notices];
  if (allNotices.length > 0) store.getState().notify('warning', allNotices);
  const stopTheme = keepThemeInStorage(store, deps.storage);
  const device = deps.device ?? 'this device';
  const runs = createRuns(store, {
    clock,
    createWorker: deps.createWorker,
    page,
    firstBackend: (s) =>
      s && store.getState().backendPreference === 'auto' ? storedWinner(deps.storage, device, s) : null,
  });
  const backends = createBackendRace({
    store,
    runs,
    storage: deps.storage,
    createWorker: deps.createWorker,
    clock,
    device,
    options: { ...DEFAULT_MEASUREMENT, ...deps.measurement },
  });
  const depth = createDepthClock(Math.min(scenario.depth, scenario.K));
  const stopDepth = syncDepthToScenario(store, depth, clock);
  const camera = createCamera();
  const view = createViewRegion(runs, camera);
  const url = page ? createUrlSync(store, page, clock) : null;
  const open = createScenarioOpener({
    store,
    runs,
    depth,
    camera,
    newHistoryEntry: url ? url.newHistoryEntry : null,
  });
  url?.follow(open);
  const steps = createStepInView();
  const stopSteps = syncStepInView(steps, runs);
  let ready = Promise.resolve();
  if (trained) ready = loadTrainedState({ store, runs }, scenario, trained);
  else if (scenario.play === 'on') playWhenBuilt(runs);

  let hiddenOff: (() => void) | undefined;
  return {
    store,
    runs,
    view,
    depth,
    camera,
    open,
    points: createPointEditor(store),
    steps,
    opening: openAtStep(openingDeps(store, runs), trained ? 0 : scenario.open),
    backends,
    ready,
    attachFrameLoop(loop, reducedMotion) {
      // The depth advances first in every frame, then the view syncs and the renderers read it.
      loop.add(createDepthAnimator(store, depth, reducedMotion));
      attachViewSyncs({ store, depth, view, runs, loop });
      // In every frame (before the renderers draw it): the worker learns which snapshot the page shows.
      loop.add(() => runs.all().forEach((run) => run.control.frameShown(true)));
      hiddenOff = page?.onVisibilityChange(() => {
        if (page.hidden()) runs.all().forEach((run) => run.control.frameShown(false));
      });
    },
    dispose() {
      hiddenOff?.();
      url?.dispose();
      stopSteps();
      stopDepth();
      stopTheme();
      backends.dispose();
      runs.dispose();
    },
  };
}
