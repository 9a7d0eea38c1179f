/**
 * Keeps the address bar and the scenario in step: every edit rewrites the fragment with
 * replaceState (no history entry per slider move); a fragment changed by hand, by back/forward or
 * by a pasted link is decoded (never throwing) and applied, with notices for whatever was fixed.
 */
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/link';
import type { AppStore } from '../state/store';

export function syncScenarioWithUrl(store: AppStore): () => void {
  const write = () => {
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
    if (state.scenario !== previous.scenario) write();
  });
  window.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', read);
  };
}
