/**
 * Keeps the address bar and the scenario in step. Edits rewrite the fragment without a history
 * entry, except that the first change of the data or the network in a burst of edits adds one, and
 * so does opening a scenario as a whole, so Back returns to the previous run. A fragment changed by
 * back/forward, by hand or by a pasted link is decoded (never throwing) and opened, with notices for
 * whatever was fixed.
 */
import { lessonLinkSuffix } from '../scenario/lessonLink';
import { decodeScenarioLink, encodeScenarioLink } from '../scenario/link';
import { needsRebuild } from '../scenario/runConfig';
import type { AppStore } from '../state/store';
import type { ScenarioOpener } from './openScenario';
import type { AppClock, PageEnvironment } from './ports';

/** Address bar updates wait this long for the next edit (browsers throttle rapid replaceState). */
const WRITE_DELAY_MS = 200;
/** Edits closer together than this belong to one burst (one history entry). */
const BURST_MS = 1000;

export interface UrlSync {
  /** The next address written is a new history entry (a scenario opened as a whole). */
  newHistoryEntry(): void;
  /** Starts following the address (after the opener exists). */
  follow(open: ScenarioOpener): void;
  dispose(): void;
}

export function createUrlSync(store: AppStore, page: PageEnvironment, clock: AppClock): UrlSync {
  let timer: unknown = null;
  let pushPending = false;
  let lastEditAt = -Infinity;
  let applying = false;
  let stopListening: (() => void) | null = null;
  const write = () => {
    timer = null;
    // The lesson being followed keeps its place in the address (lessonSession.ts writes it).
    const hash = `#${encodeScenarioLink(store.getState().scenario)}${lessonLinkSuffix(page.hash())}`;
    if (page.hash() === hash) return;
    page.writeHash(hash, !pushPending);
    pushPending = false;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.scenario === previous.scenario) return;
    if (applying) {
      lastEditAt = -Infinity;
      return;
    }
    const now = clock.now();
    if (needsRebuild(previous.scenario, state.scenario) && now - lastEditAt > BURST_MS) pushPending = true;
    lastEditAt = now;
    timer ??= clock.setTimeout(write, WRITE_DELAY_MS);
  });
  write();
  return {
    newHistoryEntry() {
      pushPending = true;
    },
    follow(open) {
      const read = () => {
        const { scenario, notices, trained } = decodeScenarioLink(page.hash());
        if (notices.length > 0) store.getState().notify('warning', notices);
        if (encodeScenarioLink(scenario) !== encodeScenarioLink(store.getState().scenario) || trained) {
          applying = true;
          void open(scenario, trained);
          applying = false;
        }
        if (timer !== null) clock.clearTimeout(timer);
        pushPending = false;
        write();
      };
      stopListening = page.onHashChange(read);
    },
    dispose() {
      unsubscribe();
      stopListening?.();
      if (timer !== null) clock.clearTimeout(timer);
    },
  };
}
