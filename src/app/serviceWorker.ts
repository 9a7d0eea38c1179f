/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The offline copy of the app: registers the service worker that vite.config.ts builds (Workbox,
 * precaching the whole build) and reports when a new version has been downloaded. The new version
 * waits: it takes over when every tab of the app has been closed, or at once when the user accepts
 * (apply), so a running lesson is never reloaded under a teacher's feet. The dev server registers
 * nothing (vite-plugin-pwa's dev build of the module is a no-op).
 */
import { registerSW } from 'virtual:pwa-register';

/** Browsers look for a new version on each visit; a page left open all day also asks this often. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Whether a new version is waiting, for the page's update notice. */
export interface AppUpdates {
  /** True once a new version is installed and waiting for this page to accept it. */
  ready(): boolean;
  /** Calls the listener when `ready` changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Switches to the new version and reloads this page on it. */
  apply(): void;
}

export function registerServiceWorker(): AppUpdates {
  let waiting = false;
  let registration: ServiceWorkerRegistration | undefined;
  const listeners = new Set<() => void>();
  const activateWaiting = registerSW({
    onNeedRefresh: () => {
      waiting = true;
      for (const listener of listeners) listener();
    },
    // Called in every open tab when the new version takes control: the others keep their lesson
    // running on the code they already hold; the tab whose user accepted reloads itself (apply).
    onNeedReload: () => undefined,
    onRegisteredSW: (_url, found) => {
      registration = found;
      if (found) setInterval(() => void found.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    // Without a service worker (private windows, file://, old browsers) the app still works online.
    onRegisterError: () => undefined,
  });
  return {
    ready: () => waiting,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply() {
      // Another tab may have accepted first: the new version already controls this page.
      if (!registration?.waiting) {
        window.location.reload();
        return;
      }
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      void activateWaiting();
    },
  };
}
