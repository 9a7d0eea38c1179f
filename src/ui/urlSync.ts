/**
 * Keeps the address bar and the scenario in step. Edits rewrite the fragment with replaceState, except
 * that the first change of the data or the network in a burst of edits adds a history entry, so Back
 * returns to the previous run. A fragment changed by back/forward, by hand or by a pasted link is
 * decoded (never throwing) and opened, with notices for whatever was fixed.
 */
import { lessonLinkSuffix } from '../scenario/lessonLink';
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/link';
import { needsRebuild } from '../scenario/runConfig';
import type { AppStore } from '../state/store';
import type { ScenarioOpener } from './openScenario';

/** Address bar updates wait this long for the next edit (browsers throttle rapid replaceState). */
const WRITE_DELAY_MS = 200;
/** Edits closer together than this belong to one burst (one history entry). */
const BURST_MS = 1000;

export function syncScenarioWithUrl(store: AppStore, open: ScenarioOpener): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pushPending = false;
  let lastEditAt = -Infinity;
  let applying = false;
  const write = () => {
    timer = null;
    // The lesson being followed keeps its place in the address (lessonSession.ts writes it).
    const hash = `#${encodeScenarioLink(store.getState().scenario)}${lessonLinkSuffix(window.location.hash)}`;
    if (window.location.hash === hash) return;
    if (pushPending) window.history.pushState(null, '', hash);
    else window.history.replaceState(window.history.state, '', hash);
    pushPending = false;
  };
  const read = () => {
    const { scenario, notices, trained } = decodeScenarioLink(window.location.hash);
    if (notices.length > 0) store.getState().notify('warning', notices);
    if (encodeScenarioLink(scenario) !== encodeScenarioLink(store.getState().scenario) || trained) {
      applying = true;
      void open(scenario, trained);
      applying = false;
    }
    if (timer) clearTimeout(timer);
    pushPending = false;
    write();
  };
  write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (applying) {
      lastEditAt = -Infinity;
      return;
    }
    const now = performance.now();
    const newRun = needsRebuild(previous.scenario, state.scenario) && now - lastEditAt > BURST_MS;
    if (newRun || state.opened !== previous.opened) pushPending = true;
    lastEditAt = now;
    timer ??= setTimeout(write, WRITE_DELAY_MS);
  });
  window.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    window.removeEventListener('hashchange', read);
  };
}
