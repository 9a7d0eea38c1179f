/**
 * The app (src/app/createApp.ts) and the page's rendering objects, handed to components through one
 * React context, and the hooks components read the store with.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { App } from '../app/createApp';
import type { Replay } from '../app/replay';
import type { FrameLoop } from '../render/frameLoop';
import type { RenderStats } from '../render/renderStats';
import type { LessonSession } from '../app/lessonSession';
import type { Scenario } from '../scenario/schema';
import type { AppActions, AppState } from '../state/store';

export interface AppServices extends App {
  /** The page's one requestAnimationFrame loop. */
  loop: FrameLoop;
  /** Duration of every draw of the transport view. */
  renderStats: RenderStats;
  /** Main-thread duration of every frame's work (all renderers, charts, thumbnails). */
  frameStats: RenderStats;
  /** Replay of the training history (driven by the frame loop). */
  replay: Replay;
  /** The lesson being followed, if any. */
  lessons: LessonSession;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside ServicesContext');
  return services;
}

/** Subscribes a component to one selected piece of the store. */
export function useAppState<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useServices().store, selector);
}

/**
 * The scenario fields a component shows: it re-renders when one of them changes, never for an edit
 * of another field (dragging one slider re-renders that slider, not the page).
 */
export function useScenarioFields<K extends keyof Scenario>(...keys: K[]): Pick<Scenario, K> {
  return useAppState(
    useShallow((s) => {
      const picked = {} as Pick<Scenario, K>;
      for (const key of keys) picked[key] = s.scenario[key];
      return picked;
    }),
  );
}
