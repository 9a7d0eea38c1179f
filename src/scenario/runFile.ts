/**
 * A run saved as JSON: the scenario and the trained state (weights at full float32 precision, step,
 * lambda), so that importing it gives back exactly the same network. Reading never throws.
 */
import { encodeScenarioLink } from './link';
import type { RestoreResult } from './restore';
import { restoreScenario } from './restore';
import type { Scenario } from './schema';
import type { TrainedState } from './trainedState';

export const RUN_FILE_FORMAT = 'least-action-lab/run';
export const RUN_FILE_VERSION = 1;

export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: number;
  /** The scenario's share link (for reading by eye). */
  link: string;
  scenario: Scenario;
  state: { step: number; lambda: number; weights: number[] };
}

export function encodeRunFile(scenario: Scenario, state: TrainedState): string {
  const file: RunFile = {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    link: encodeScenarioLink(scenario),
    scenario,
    state: { step: state.step, lambda: state.lambda, weights: Array.from(state.weights) },
  };
  return JSON.stringify(file, null, 1);
}

/** The scenario (restored like a link, with notices) and the trained state, if the file has a valid one. */
export function decodeRunFile(text: string): RestoreResult & { state: TrainedState | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...restoreScenario({}), state: null, notices: ['The file is not JSON; nothing was imported.'] };
  }
  const file = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<RunFile> &
    Record<string, unknown>;
  // A bare scenario object is accepted too.
  const restored = restoreScenario(file.format === RUN_FILE_FORMAT ? file.scenario : file);
  const weights = file.state?.weights;
  const valid =
    Array.isArray(weights) &&
    weights.every((w) => typeof w === 'number' && Number.isFinite(w)) &&
    weights.length > 0;
  if (file.state !== undefined && !valid)
    restored.notices.push('The file holds no valid weights; training starts from the seed.');
  const step = Number(file.state?.step);
  const lambda = Number(file.state?.lambda);
  return {
    ...restored,
    state: valid
      ? {
          weights: Float32Array.from(weights),
          step: Number.isInteger(step) && step >= 0 ? step : 0,
          lambda: Number.isFinite(lambda) && lambda > 0 ? lambda : NaN,
        }
      : null,
  };
}
