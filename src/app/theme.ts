/**
 * The colour theme: light, dark, or the system's (the choice is kept by src/app/themeStorage.ts);
 * the resolved theme is set as data-theme on <html>, where the stylesheet reads it.
 */
import type { AppStore } from '../state/store';

const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

/** Applies the store's theme now and whenever it (or the system's) changes. */
export function applyThemes(store: AppStore): () => void {
  const apply = () => {
    const choice = store.getState().theme;
    const dark = choice === 'dark' || (choice === 'system' && systemDark.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  };
  apply();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.theme !== previous.theme) apply();
  });
  systemDark.addEventListener('change', apply);
  return () => {
    unsubscribe();
    systemDark.removeEventListener('change', apply);
  };
}
