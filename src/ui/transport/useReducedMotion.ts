/** Whether the user asked the system for reduced motion (follows changes). */
import { useSyncExternalStore } from 'react';

/** The media query itself, for code that reads it on every frame. */
export const reducedMotionQuery = window.matchMedia('(prefers-reduced-motion: reduce)');

const subscribe = (listener: () => void) => {
  reducedMotionQuery.addEventListener('change', listener);
  return () => reducedMotionQuery.removeEventListener('change', listener);
};

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => reducedMotionQuery.matches);
}
