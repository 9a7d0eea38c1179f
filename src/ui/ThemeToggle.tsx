/** Light, dark, or the system's theme. */
import type { ThemeChoice } from '../state/store';
import { selectTheme } from '../state/selectors';
import { useAppState, useServices } from './services';

const LABELS: Record<ThemeChoice, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

export function ThemeToggle() {
  const theme = useAppState(selectTheme);
  const { store } = useServices();
  return (
    <label className="theme-toggle">
      <span>Theme</span>
      <select value={theme} onChange={(e) => store.getState().setTheme(e.currentTarget.value as ThemeChoice)}>
        {(Object.keys(LABELS) as ThemeChoice[]).map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  );
}
