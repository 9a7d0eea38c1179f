/** The page's entry: read the link, create the long-lived services, mount the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BackendPreference } from './core/backends';
import { BACKEND_PREFERENCES } from './core/backends';
import { createFrameLoop } from './render/frameLoop';
import { createCamera } from './render/camera';
import { createDepthClock } from './render/depthClock';
import { RenderStats } from './render/renderStats';
import { decodeScenarioLink } from './scenario/link';
import { createAppStore } from './state/store';
import { App } from './ui/App';
import type { AppServices } from './ui/services';
import { ServicesContext } from './ui/services';
import { applyThemes, storedTheme } from './ui/theme';
import { attachViewSyncs } from './ui/viewSync';
import { createDepthAnimator } from './ui/depthAnimator';
import { createRuns } from './ui/runs';
import { createPointEditor } from './ui/draw/pointEditor';
import { createViewRegion } from './ui/viewRegion';
import { createScenarioOpener, loadTrainedState } from './ui/openScenario';
import { installTestHook } from './ui/testHook';
import { syncScenarioWithUrl } from './ui/urlSync';
import { openAtStep } from './app/openAtStep';
import { createReplay } from './app/replay';
import { createStepInView } from './app/stepInView';
import { syncStepInView } from './app/stepInViewSync';
import './ui/styles/index.css';

function backendFromQuery(notices: string[]): BackendPreference {
  const requested = new URLSearchParams(window.location.search).get('backend');
  if (requested === null) return 'auto';
  const match = BACKEND_PREFERENCES.find((b) => b === requested.toLowerCase());
  if (!match)
    notices.push(`Unknown backend "${requested.slice(0, 24)}" in the address; choosing automatically.`);
  return match ?? 'auto';
}

const { scenario, notices, trained } = decodeScenarioLink(window.location.hash);
const backendPreference = backendFromQuery(notices);
const store = createAppStore({ scenario, backendPreference, theme: storedTheme() });
if (notices.length > 0) store.getState().notify('warning', notices);
applyThemes(store);
const frameStats = new RenderStats();
const loop = createFrameLoop(frameStats);
const runs = createRuns(store);
const depth = createDepthClock(Math.min(scenario.depth, scenario.K));
const camera = createCamera();
const steps = createStepInView();
if (trained) store.setState({ autoplay: false });
const services: AppServices = {
  store,
  runs,
  view: createViewRegion(runs, camera),
  loop,
  depth,
  camera,
  renderStats: new RenderStats(),
  frameStats,
  open: createScenarioOpener({ store, runs, depth, camera }),
  points: createPointEditor(store),
  steps,
  replay: createReplay({ steps, keptSteps: () => runs.a.past.steps(), loop }),
  opening: openAtStep(
    {
      run() {
        const s = store.getState();
        return { step: s.live?.step ?? null, playing: s.playing, preparing: s.compiling };
      },
      subscribe: (listener) => store.subscribe(listener),
      play: () => runs.play(),
      pause: () => runs.pause(),
      hold: (step) => runs.all().forEach((r) => r.bridge.hold(step)),
    },
    trained ? 0 : scenario.open,
  ),
};
syncStepInView(steps, runs);
// The depth advances first in every frame, then the view syncs and the renderers read it.
loop.add(createDepthAnimator(services));
attachViewSyncs(services);
syncScenarioWithUrl(store, services.open);
void loadTrainedState(services, scenario, trained);
installTestHook(services);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
