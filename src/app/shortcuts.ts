/**
 * Keyboard shortcuts for presenting: space play/pause, arrows scrub the depth, s step, r reset,
 * f fullscreen, ? help. They are ignored while typing in a field or with a modifier key held, and
 * keys that a focused control uses itself (space on a button, arrows on a slider) stay with it.
 */
import type { DepthClock } from '../render/depthClock';
import { shownBlocks } from '../state/selectors';
import type { AppStore } from '../state/store';
import type { Runs } from './runs';

export const SHORTCUTS = [
  { keys: 'Space', action: 'Train or pause' },
  { keys: '← →', action: 'Move a quarter block in depth (with Shift: a whole block)' },
  { keys: 'S', action: 'One training step (while paused)' },
  { keys: 'R', action: 'Reset to the initial weights' },
  { keys: 'F', action: 'Full screen on or off' },
  { keys: '?', action: 'This help' },
  { keys: 'Esc', action: 'Leave the presentation (the Present button starts it)' },
  { keys: 'PageDown or ], PageUp or [', action: 'Next or previous step of the lesson being followed' },
] as const;

/** Elements that use keys themselves. */
export function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  if (target instanceof HTMLInputElement)
    return target.type !== 'checkbox' && target.type !== 'radio' ? true : key === ' ';
  return (
    (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) &&
    (key === ' ' || key === 'Enter')
  );
}

export function installShortcuts(
  { store, runs, depth }: { store: AppStore; runs: Runs; depth: DepthClock },
  actions: { toggleHelp(): void; toggleFullscreen(): void },
): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (ownsKeys(event.target, event.key)) return;
    if (document.querySelector('dialog[open]') && event.key !== '?') return;
    const state = store.getState();
    const blocks = shownBlocks(state);
    let handled = true;
    switch (event.key) {
      case ' ':
        if (state.runs.a.status.phase === 'training') runs.pause();
        else runs.play();
        break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const delta = (event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? 1 : 0.25);
        const next = Math.min(blocks, Math.max(0, Math.round((depth.depth() + delta) * 100) / 100));
        depth.set(next);
        break;
      }
      case 's':
      case 'S':
        if (state.runs.a.status.phase !== 'training') runs.step();
        break;
      case 'r':
      case 'R':
        runs.reset();
        break;
      case 'f':
      case 'F':
        actions.toggleFullscreen();
        break;
      case '?':
        actions.toggleHelp();
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
