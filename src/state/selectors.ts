/** Selectors of the store, defined once so that components subscribe to exactly what they show. */
import type { AppActions, AppState } from './store';

type S = AppState & AppActions;

export const selectScenario = (s: S) => s.scenario;
export const selectPlaying = (s: S) => s.playing;
export const selectCompiling = (s: S) => s.compiling;
export const selectBackend = (s: S) => s.backend;
export const selectLive = (s: S) => s.live;
export const selectTransport = (s: S) => s.transport;
export const selectLiveB = (s: S) => s.liveB;
export const selectTransportB = (s: S) => s.transportB;
export const selectTheme = (s: S) => s.theme;
export const selectLayers = (s: S) => s.scenario.layers;
export const selectNotices = (s: S) => s.notices;
export const selectFatalError = (s: S) => s.fatalError;
export const selectPauseReason = (s: S) => s.pauseReason;
