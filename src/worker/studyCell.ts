/**
 * One study run in a worker of the page: the cell's link trained for its steps on the CPU backend,
 * the same computation as `npm run train -- LINK --steps STEPS` (the fused step is the same
 * WebAssembly), with the same final metrics (engine/runMetrics.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendCandidate } from '../engine/backend';
import { selectBackend } from '../engine/backend';
import { runMetrics } from '../engine/runMetrics';
import { trainChecked } from '../engine/trainChecked';
import { Trainer } from '../engine/trainer';
import { decodeScenarioLink } from '../scenario/link';
import { runConfig } from '../scenario/runConfig';
import { runNumbers } from '../scenario/studyRows';
import type { CellResult } from '../study/runStudy';

/** Message to a study worker: train this link for this many steps. */
export interface StudyCellRequest {
  link: string;
  steps: number;
}

/** A study worker's answer. */
export type StudyCellReply = { result: CellResult } | { error: string };

/** Creates the trainer of a study worker: one backend for all its runs, chosen on the first. */
export function createCellTrainer(candidates: readonly BackendCandidate[], now: () => number) {
  let ready: Promise<unknown> | null = null;
  return async ({ link, steps }: StudyCellRequest): Promise<CellResult> => {
    ready ??= (async () => {
      tf.env().set('PROD', true);
      await selectBackend('cpu', candidates);
    })();
    await ready;
    const config = runConfig(decodeScenarioLink(link).scenario);
    const trainer = new Trainer(config);
    try {
      const { snapshot, diverged, seconds } = await trainChecked(trainer, steps, now);
      // Non-finite positions have no optimal transport: a diverged run is not measured.
      const metrics = runMetrics(snapshot, config.model, config.seed, diverged === null);
      return { ...runNumbers({ ...metrics, seconds }), diverged };
    } finally {
      trainer.dispose();
    }
  };
}
