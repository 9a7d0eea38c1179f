/**
 * The colour theme: light, dark, or the system's. The choice stays on this device (localStorage),
 * never in links; the resolved theme is set as data-theme on <html>, where the stylesheet reads it.
 */
import type { AppStore, ThemeChoice } from '../state/store';

const STORAGE_KEY = 'least-action-lab/theme';
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

/** The stored choice, or "system" when none (or storage is unavailable). */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Applies the store's theme now and whenever it (or the system's) changes. */
export function applyThemes(store: AppStore): () => void {
  const apply = () => {
    const choice = store.getState().theme;
    const dark = choice === 'dark' || (choice === 'system' && systemDark.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  apply();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme === previous.theme) return;
    apply();
    try {
      if (state.theme === 'system') window.localStorage.removeItem(STORAGE_KEY);
      else window.localStorage.setItem(STORAGE_KEY, state.theme);
    } catch {
      // Private modes may refuse storage; the theme still applies for this visit.
    }
  });
  systemDark.addEventListener('change', apply);
  return () => {
    unsubscribe();
    systemDark.removeEventListener('change', apply);
  };
}
