/** The colour theme chosen stays on this device (never in links): read and kept in storage. */
import type { AppStore, ThemeChoice } from '../state/store';
import type { KeyValueStorage } from './ports';

const STORAGE_KEY = 'least-action-lab/theme';

/** The stored choice, or "system" when none (or storage refuses to answer). */
export function storedTheme(storage: KeyValueStorage | null): ThemeChoice {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Writes every change of the store's theme to storage. */
export function keepThemeInStorage(store: AppStore, storage: KeyValueStorage | null): () => void {
  return store.subscribe((state, previous) => {
    if (state.theme === previous.theme || !storage) return;
    try {
      storage.setItem(STORAGE_KEY, state.theme);
    } catch {
      // Private modes may refuse storage; the theme still applies for this visit.
    }
  });
}
