/** The page's entry: create the app with the browser's clock, workers, storage and page, then mount it. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApp } from './app/createApp';
import { browserClock } from './app/ports';
import type { PageEnvironment } from './app/ports';
import { installTestHook } from './app/testHook';
import type { BackendPreference } from './core/backends';
import { BACKEND_PREFERENCES } from './core/backends';
import { createFrameLoop } from './render/frameLoop';
import { RenderStats } from './render/renderStats';
import { createTrainingClient } from './worker/client';
import { App } from './ui/App';
import type { AppServices } from './ui/services';
import { ServicesContext } from './ui/services';
import { applyThemes } from './app/theme';
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
});
const frameStats = new RenderStats();
const loop = createFrameLoop(frameStats);
const services: AppServices = { ...app, loop, renderStats: new RenderStats(), frameStats };
app.attachFrameLoop(loop, () => reducedMotionQuery.matches);
applyThemes(app.store);
installTestHook(app, services);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
