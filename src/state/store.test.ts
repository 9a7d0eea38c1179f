import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario/schema';
import { createAppStore, MAX_NOTICES } from './store';

const newStore = () =>
  createAppStore({ scenario: defaultScenario(), backendPreference: 'auto', theme: 'system' });
const texts = (store: ReturnType<typeof newStore>) => store.getState().notices.map((n) => n.text);

describe('notices', () => {
  it('show a repeated text once, at its latest place', () => {
    const store = newStore();
    store.getState().notify('warning', ['a', 'b']);
    store.getState().notify('warning', ['a', 'a']);
    expect(texts(store)).toEqual(['b', 'a']);
  });

  it('keep the newest when there are too many, but never cut the latest call short', () => {
    const store = newStore();
    for (let i = 0; i < 30; i++) store.getState().notify('warning', [`old ${i}`]);
    expect(texts(store)).toHaveLength(MAX_NOTICES);
    expect(texts(store).at(-1)).toBe('old 29');
    const fixes = Array.from({ length: MAX_NOTICES + 5 }, (_, i) => `fix ${i}`);
    store.getState().notify('warning', fixes);
    expect(texts(store)).toEqual(fixes);
  });
});
