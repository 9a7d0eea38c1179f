/**
 * What the app layer needs from its surroundings, passed to createApp: timers, the training workers,
 * storage, and (in a browser) the page. The page passes the real ones; unit tests pass a fake clock,
 * in-process workers and no page, so every orchestration path runs in Node.
 */
import type { TrainingClient } from '../worker/client';

/** Time and timers. Handles are opaque. */
export interface AppClock {
  /** Milliseconds, monotonic. */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Starts a fresh training worker (a Web Worker in the page, an in-process session in tests). */
export type CreateWorker = () => TrainingClient;

/** The part of localStorage the app uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

/** The browser page: its address, its history and its visibility. Absent in Node. */
export interface PageEnvironment {
  /** The address's fragment, with its '#'. */
  hash(): string;
  /** Rewrites the fragment without a history entry (true) or with one (false). */
  writeHash(hash: string, replace: boolean): void;
  /** Calls `listener` when the fragment changes by back/forward, by hand or by a pasted link. */
  onHashChange(listener: () => void): () => void;
  hidden(): boolean;
  onVisibilityChange(listener: () => void): () => void;
}

/** The browser's clock. */
export const browserClock: AppClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};
