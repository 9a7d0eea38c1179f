/**
 * Opening a scenario as a whole (a preset, a pasted link, back/forward): it replaces the one being
 * edited, the view goes to its depth with the camera reset, training starts if it asks to, and a
 * trained state carried by the link is loaded once decoded.
 */
import { runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { TrainedParams } from '../scenario/trainedState';
import { decodeTrainedState } from '../scenario/trainedState';
import type { AppServices } from './services';

export type ScenarioOpener = (scenario: Scenario, trained?: TrainedParams | null) => Promise<void>;

export function createScenarioOpener({
  store,
  depth,
  camera,
  runs,
}: Pick<AppServices, 'store' | 'depth' | 'camera' | 'runs'>): ScenarioOpener {
  return async (scenario, trained = null) => {
    store.getState().openScenario(scenario);
    store.setState({ autoplay: scenario.play === 'on' && !trained });
    depth.set(Math.min(scenario.depth, scenario.K));
    camera.reset();
    await loadTrainedState({ store, runs }, scenario, trained);
  };
}

/** Decodes a link's trained state for the scenario and hands it to the worker, with notices. */
export async function loadTrainedState(
  { store, runs }: Pick<AppServices, 'store' | 'runs'>,
  scenario: Scenario,
  trained: TrainedParams | null,
): Promise<void> {
  if (!trained) return;
  const { state, notices } = await decodeTrainedState(trained, runConfig(scenario).model);
  if (notices.length > 0) store.getState().notify('warning', notices);
  if (!state) return;
  runs.a.bridge.load(state);
  store.getState().notify('info', [`Opened the trained network this link carries (step ${state.step}).`]);
  if (scenario.play === 'on') runs.play();
}
