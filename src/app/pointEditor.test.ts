import { describe, expect, it } from 'vitest';
import { decodePoints } from '../core/points';
import { defaultScenario } from '../scenario/schema';
import { createAppStore } from '../state/store';
import { createPointEditor } from './pointEditor';

function setup() {
  const store = createAppStore({ scenario: defaultScenario(), backendPreference: 'auto', theme: 'system' });
  return { store, editor: createPointEditor(store) };
}

const labelsOf = (pts: string) => Array.from(decodePoints(pts)!.y);

describe('point editor', () => {
  it('adds points as own data, removes the nearest, clears, and undoes and redoes each edit', () => {
    const { store, editor } = setup();
    editor.add(0.5, 0.5, 0);
    expect(store.getState().scenario.data).toBe('custom');
    editor.add(-1, 1, 1);
    editor.add(1, -1, 1);
    expect(labelsOf(store.getState().scenario.pts)).toEqual([0, 1, 1]);
    expect(editor.removeNearest(-0.9, 1.1, 0.3)).toBe(true);
    expect(editor.removeNearest(3, 3, 0.3)).toBe(false);
    const points = decodePoints(store.getState().scenario.pts)!;
    expect(Array.from(points.y)).toEqual([0, 1]);
    expect(points.x[2]).toBeCloseTo(1, 2);
    editor.undo();
    expect(labelsOf(store.getState().scenario.pts)).toEqual([0, 1, 1]);
    editor.redo();
    expect(labelsOf(store.getState().scenario.pts)).toEqual([0, 1]);
    editor.clear();
    expect(store.getState().scenario.pts).toBe('');
    expect(editor.canRedo()).toBe(false);
    editor.undo();
    expect(labelsOf(store.getState().scenario.pts)).toEqual([0, 1]);
  });

  it('starts from given points and keeps the class selection within 0-3', () => {
    const { store, editor } = setup();
    editor.replace([0, 0, 1, 1], [0, 1]);
    expect(labelsOf(store.getState().scenario.pts)).toEqual([0, 1]);
    editor.selectClass(7);
    expect(editor.selectedClass()).toBe(3);
  });
});
