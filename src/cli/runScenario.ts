/**
 * One run of the engine in Node, as `npm run train` does it: decode the scenario text, choose the
 * backend, build the run (from a trained state when the link carries one), train, and evaluate the
 * final weights. Shared by the CLI command and the scripts and tests that drive it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { unflattenWeights } from '../core/weights';
import type { EngineKind } from '../core/types';
import { selectBackend } from '../engine/backend';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { trainChecked } from '../engine/trainChecked';
import type { PackedSnapshot } from '../engine/trainer';
import { Trainer } from '../engine/trainer';
import { encodeScenarioLink, parseScenarioText } from '../scenario/link';
import { runConfig } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import { decodeTrainedState } from '../scenario/trainedState';
import type { RunMetrics } from './report';
import { runMetrics } from './report';

/** Steps trained when neither the options nor the scenario say how many. */
export const DEFAULT_STEPS = 1000;

export interface RunOptions {
  /** A share link, its parameters, or scenario JSON. */
  scenario: string;
  /** Steps to train (after any trained state); null: the scenario's `steps`, else DEFAULT_STEPS. */
  steps: number | null;
  backend: 'cpu' | 'wasm';
}

/** What a run prints: the canonical link, how it ran, and the final metrics. */
export interface RunOutput extends RunMetrics {
  scenario: string;
  backend: string;
  /** The engine the steps ran on (fused, or reference when asked for). */
  engine: EngineKind;
  seconds: number;
  /** Null, or where a value became infinite or not a number (then the transport measures are null). */
  diverged: string | null;
  notices: string[];
}

export interface RunResult {
  output: RunOutput;
  metrics: RunMetrics;
  scenario: Scenario;
  /** The trained run, for callers that dump it; dispose it when done. */
  trainer: Trainer;
  snapshot: PackedSnapshot;
}

export async function runScenario(options: RunOptions): Promise<RunResult> {
  const { scenario, notices, trained } = parseScenarioText(options.scenario);
  tf.env().set('PROD', true);
  const backend = await selectBackend(options.backend, nodeBackendCandidates());
  if (backend.fallbackNotice) notices.push(backend.fallbackNotice);

  const config = runConfig(scenario);
  const trainer = new Trainer(config);
  // A link that carries trained weights continues from them (the step count included).
  const loaded = trained ? await decodeTrainedState(trained, config.model) : null;
  notices.push(...(loaded?.notices ?? []));
  if (loaded?.state) {
    const weights = unflattenWeights(loaded.state.weights, config.model)!;
    trainer.restoreState(weights, loaded.state.step, loaded.state.lambda);
  }

  const steps = options.steps ?? (scenario.steps > 0 ? scenario.steps : DEFAULT_STEPS);
  const target = trainer.stepCount + steps;
  const { snapshot, diverged, seconds } = await trainChecked(trainer, target, () => performance.now());
  // Non-finite positions have no optimal transport: a diverged run is not measured.
  const metrics = runMetrics(snapshot, config.model, config.seed, diverged === null);
  const output: RunOutput = {
    scenario: encodeScenarioLink(scenario),
    backend: backend.name,
    engine: trainer.engine,
    seconds,
    diverged,
    notices,
    ...metrics,
  };
  return { output, metrics, scenario, trainer, snapshot };
}
