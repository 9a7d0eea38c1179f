/**
 * Keeps the address bar and the scenario in step: every edit rewrites the fragment with
 * replaceState (no history entry per slider move); a fragment changed by hand, by back/forward or
 * by a pasted link is decoded (never throwing) and applied, with notices for whatever was fixed.
 */
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/link';
import type { AppStore } from '../state/store';

/** Address bar updates wait this long for the next edit (browsers throttle rapid replaceState). */
const WRITE_DELAY_MS = 200;

export function syncScenarioWithUrl(store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const hash = `#${encodeScenarioLink(store.getState().scenario)}`;
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
  };
  const read = () => {
    const { scenario, notices } = decodeScenarioLink(window.location.hash);
    if (notices.length > 0) store.getState().notify('warning', notices);
    if (encodeScenarioLink(scenario) !== encodeScenarioLink(store.getState().scenario)) {
      store.getState().replaceScenario(scenario);
    }
    write();
  };
  write();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) timer ??= setTimeout(write, WRITE_DELAY_MS);
  });
  window.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    window.removeEventListener('hashchange', read);
  };
}
