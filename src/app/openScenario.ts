/**
 * Opening a scenario as a whole (a preset, a pasted link, back/forward): it replaces the one being
 * edited as a new history entry, the view goes to its depth with the camera reset, training starts
 * if it asks to, and a trained state carried by the link is loaded once decoded.
 */
import type { Camera } from '../render/camera';
import type { DepthClock } from '../render/depthClock';
import { runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { TrainedParams } from '../scenario/trainedState';
import { decodeTrainedState } from '../scenario/trainedState';
import type { AppStore } from '../state/store';
import type { Runs } from './runs';

export type ScenarioOpener = (scenario: Scenario, trained?: TrainedParams | null) => Promise<void>;

export interface OpenerDeps {
  store: AppStore;
  runs: Runs;
  depth: DepthClock;
  camera: Camera;
  /** Makes the next address written a new history entry (null without an address bar). */
  newHistoryEntry: (() => void) | null;
}

export function createScenarioOpener({
  store,
  runs,
  depth,
  camera,
  newHistoryEntry,
}: OpenerDeps): ScenarioOpener {
  return async (scenario, trained = null) => {
    newHistoryEntry?.();
    store.getState().replaceScenario(scenario);
    depth.set(Math.min(scenario.depth, scenario.K));
    camera.reset();
    if (trained) await loadTrainedState({ store, runs }, scenario, trained);
    else if (scenario.play === 'on') playWhenBuilt(runs);
  };
}

/**
 * Starts training the runs as they are being built: a rebuild waiting for a pause in editing is
 * sent first, and the worker trains once the run it builds is ready (its commands run in order).
 */
export function playWhenBuilt(runs: Runs): void {
  runs.all().forEach((run) => run.flush());
  runs.play();
}

/** Decodes a link's trained state for the scenario and hands it to the worker, with notices. */
export async function loadTrainedState(
  { store, runs }: Pick<OpenerDeps, 'store' | 'runs'>,
  scenario: Scenario,
  trained: TrainedParams,
): Promise<void> {
  const { state, notices } = await decodeTrainedState(trained, runConfig(scenario).model);
  if (notices.length > 0) store.getState().notify('warning', notices);
  if (!state) return;
  runs.a.control.load(state);
  store.getState().notify('info', [`Opened the trained network this link carries (step ${state.step}).`]);
  if (scenario.play === 'on') runs.play();
}
