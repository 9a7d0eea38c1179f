/** The page's entry: create the app with the browser's clock, workers, storage and page, then mount it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp } from './app/createApp';
import { createReplay } from './app/replay';
import { browserClock } from './app/ports';
import type { PageEnvironment } from './app/ports';
import { installTestHook } from './app/testHook';
import type { MeasurementOptions } from './app/backendRace';
import type { BackendName, BackendPreference } from './core/backends';
import { BACKEND_PREFERENCES } from './core/backends';
import { createFrameLoop } from './render/frameLoop';
import { RenderStats } from './render/renderStats';
import { createTrainingClient } from './worker/client';
import { App } from './ui/App';
import { UpdateNotice } from './ui/UpdateNotice';
import { registerServiceWorker } from './app/serviceWorker';
import type { AppServices } from './ui/services';
import { ServicesContext } from './ui/services';
import { applyThemes } from './app/theme';
import { createLessonSession } from './app/lessonSession';
import { createLessonFactSources } from './app/lessonWatcher';
import { findBuiltInLesson } from './scenario/lessons';
import { reducedMotionQuery } from './ui/transport/useReducedMotion';
import './ui/styles/index.css';

function backendFromQuery(notices: string[]): BackendPreference {
  const requested = new URLSearchParams(window.location.search).get('backend');
  if (requested === null) return 'auto';
  const match = BACKEND_PREFERENCES.find((b) => b === requested.toLowerCase());
  if (!match)
    notices.push(`Unknown backend "${requested.slice(0, 24)}" in the address; choosing automatically.`);
  return match ?? 'auto';
}

/**
 * Test hook: `?measure=webgpu:0.01` multiplies WebGPU's measured step time by 0.01 (any backend, comma
 * separated) and lets "auto" measure a software WebGPU adapter, so that a test can make it win or lose.
 */
function measurementFromQuery(): Partial<MeasurementOptions> | undefined {
  const requested = new URLSearchParams(window.location.search).get('measure');
  if (!requested) return undefined;
  const timeScale: Partial<Record<BackendName, number>> = {};
  for (const pair of requested.split(',')) {
    const [name, scale] = pair.split(':');
    const backend = BACKEND_PREFERENCES.find((b): b is BackendName => b === name && b !== 'auto');
    if (backend && Number(scale) > 0) timeScale[backend] = Number(scale);
  }
  return { allowSoftware: true, timeScale };
}

const page: PageEnvironment = {
  hash: () => window.location.hash,
  writeHash(hash, replace) {
    if (replace) window.history.replaceState(window.history.state, '', hash);
    else window.history.pushState(null, '', hash);
  },
  onHashChange(listener) {
    window.addEventListener('hashchange', listener);
    return () => window.removeEventListener('hashchange', listener);
  },
  hidden: () => document.hidden,
  onVisibilityChange(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const notices: string[] = [];
const backendPreference = backendFromQuery(notices);
const app = createApp({
  createWorker: createTrainingClient,
  clock: browserClock,
  storage: localStorageOrNull(),
  page,
  backendPreference,
  notices,
  device: `${navigator.userAgent} (${navigator.hardwareConcurrency} cores)`,
  measurement: measurementFromQuery(),
});
const frameStats = new RenderStats();
const loop = createFrameLoop(frameStats);
const lessons = createLessonSession({
  store: app.store,
  open: app.open,
  runs: app.runs,
  depth: app.depth,
  loop,
  facts: createLessonFactSources(),
  findBuiltIn: findBuiltInLesson,
  page,
});
const replay = createReplay({ steps: app.steps, keptSteps: () => app.runs.a.past.steps(), loop });
const services: AppServices = { ...app, loop, renderStats: new RenderStats(), frameStats, lessons, replay };
app.attachFrameLoop(loop, () => reducedMotionQuery.matches);
applyThemes(app.store);
installTestHook(app, services);
void lessons.followAddress();
const updates = registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
    <UpdateNotice updates={updates} />
  </StrictMode>,
);
