/** The long-lived objects of the page, handed to components through one React context. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Camera } from '../render/camera';
import type { DepthClock } from '../render/depthClock';
import type { FrameLoop } from '../render/frameLoop';
import type { RenderStats } from '../render/renderStats';
import type { AppActions, AppState, AppStore } from '../state/store';
import type { OpeningAtStep } from '../app/openAtStep';
import type { Replay } from '../app/replay';
import type { StepInView } from '../app/stepInView';
import type { PointEditor } from './draw/pointEditor';
import type { ScenarioOpener } from './openScenario';
import type { Runs } from './runs';
import type { ViewRegion } from './viewRegion';

export interface AppServices {
  store: AppStore;
  /** The training runs: the scenario's own and, in compare mode, a second one. */
  runs: Runs;
  /** The square of the plane the transport canvases show. */
  view: ViewRegion;
  loop: FrameLoop;
  /** The depth shown and its animation (changes at frame rate, so not in the store). */
  depth: DepthClock;
  /** The user's zoom and pan of the transport view. */
  camera: Camera;
  /** Duration of every draw of the transport view. */
  renderStats: RenderStats;
  /** Main-thread duration of every frame's work (all renderers, charts, thumbnails). */
  frameStats: RenderStats;
  /** Opens a scenario as a whole (presets, links, back/forward). */
  open: ScenarioOpener;
  /** Edits of the user's own points, with undo and redo. */
  points: PointEditor;
  /** The training step in view (null: live), shared by the timeline and the charts. */
  steps: StepInView;
  /** Replay of the training history. */
  replay: Replay;
  /** Training to the step a link asks to open at (`open`), with its progress. */
  opening: OpeningAtStep;
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
