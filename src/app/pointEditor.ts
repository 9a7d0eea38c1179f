/**
 * Editing the user's own points: add, remove the nearest, clear, start from the current data, with
 * undo and redo. Every edit becomes the scenario's `pts` (so it travels in links and rebuilds the
 * run); the history of edits stays on the page.
 */
import { decodePoints, encodePoints, MAX_OWN_CLASSES, MAX_OWN_POINTS, snapCoordinate } from '../core/points';
import type { AppStore } from '../state/store';

export interface PointEditor {
  /** The class new points get (0-based), and how many points there are now. */
  selectedClass(): number;
  selectClass(label: number): void;
  add(x: number, y: number, label: number): boolean;
  /** Removes the point nearest to (x, y) within `radius` plane units; false when there is none. */
  removeNearest(x: number, y: number, radius: number): boolean;
  clear(): void;
  /** Replaces the points with the given ones (e.g. the current dataset's training points). */
  replace(x: ArrayLike<number>, y: ArrayLike<number>): void;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Called after every change of the selection or the history. */
  subscribe(listener: () => void): () => void;
}

/** Edits kept for undo. */
const HISTORY_LIMIT = 200;

export function createPointEditor(store: AppStore): PointEditor {
  let selected = 0;
  const past: string[] = [];
  const future: string[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const current = () =>
    decodePoints(store.getState().scenario.pts) ?? { x: new Float32Array(0), y: new Uint8Array(0) };
  const commit = (pts: string) => {
    const before = store.getState().scenario.pts;
    if (pts === before) return;
    past.push(before);
    if (past.length > HISTORY_LIMIT) past.shift();
    future.length = 0;
    store.getState().editScenario({ data: 'custom', pts });
    notify();
  };
  return {
    selectedClass: () => selected,
    selectClass(label) {
      selected = Math.min(MAX_OWN_CLASSES - 1, Math.max(0, label));
      notify();
    },
    add(x, y, label) {
      const { x: xs, y: ys } = current();
      if (ys.length >= MAX_OWN_POINTS) {
        store.getState().notify('warning', [`Your own data hold at most ${MAX_OWN_POINTS} points.`]);
        return false;
      }
      const nx = new Float32Array(xs.length + 2);
      nx.set(xs);
      nx[xs.length] = snapCoordinate(x);
      nx[xs.length + 1] = snapCoordinate(y);
      const ny = new Uint8Array(ys.length + 1);
      ny.set(ys);
      ny[ys.length] = label;
      commit(encodePoints(nx, ny));
      return true;
    },
    removeNearest(x, y, radius) {
      const { x: xs, y: ys } = current();
      let best = -1;
      let bestDistance = radius * radius;
      for (let i = 0; i < ys.length; i++) {
        const d = (xs[2 * i] - x) ** 2 + (xs[2 * i + 1] - y) ** 2;
        if (d <= bestDistance) {
          best = i;
          bestDistance = d;
        }
      }
      if (best < 0) return false;
      const nx = xs.filter((_, i) => Math.floor(i / 2) !== best);
      commit(
        encodePoints(
          nx,
          ys.filter((_, i) => i !== best),
        ),
      );
      return true;
    },
    clear: () => commit(''),
    replace: (x, y) => commit(encodePoints(x, y)),
    undo() {
      const previous = past.pop();
      if (previous === undefined) return;
      future.push(store.getState().scenario.pts);
      store.getState().editScenario({ pts: previous });
      notify();
    },
    redo() {
      const next = future.pop();
      if (next === undefined) return;
      past.push(store.getState().scenario.pts);
      store.getState().editScenario({ pts: next });
      notify();
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
