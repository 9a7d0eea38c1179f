/**
 * `npm run train -- "<scenario link or JSON>" --steps N [--json] [--dump FILE] [--backend cpu|wasm]`:
 * the app's engine in Node. Prints the final metrics (see report.ts); exit code 2 on bad arguments.
 */
import * as tf from '@tensorflow/tfjs-core';
import { writeFileSync } from 'node:fs';
import { findNonFinite, HISTORY_FIELDS, snapshotViews } from '../core/snapshot';
import { selectBackend } from '../engine/backend';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { Trainer } from '../engine/trainer';
import { encodeScenarioLink, parseScenarioText } from '../scenario/link';
import { runConfig } from '../scenario/runConfig';
import { decodeTrainedState } from '../scenario/trainedState';
import { unflattenWeights } from '../core/weights';
import type { CliOptions } from './args';
import { parseCliArgs, USAGE } from './args';
import { dumpJson, runMetrics } from './report';

/** Steps between checks for divergence (each check reads the per-step values back). */
const CHECK_EVERY = 250;
const DEFAULT_STEPS = 1000;

async function main(options: CliOptions): Promise<void> {
  const { scenario, notices, trained } = parseScenarioText(options.scenario);
  for (const notice of notices) console.error(`note: ${notice}`);
  tf.env().set('PROD', true);
  const backend = await selectBackend(options.backend, nodeBackendCandidates());
  if (backend.fallbackNotice) console.error(`note: ${backend.fallbackNotice}`);

  const config = runConfig(scenario);
  const trainer = new Trainer(config);
  // A link that carries trained weights continues from them (the step count included).
  const loaded = trained ? await decodeTrainedState(trained, config.model) : null;
  for (const notice of loaded?.notices ?? []) console.error(`note: ${notice}`);
  if (loaded?.state) {
    trainer.restoreState(
      unflattenWeights(loaded.state.weights, config.model)!,
      loaded.state.step,
      loaded.state.lambda,
    );
  }
  const steps = options.steps ?? (scenario.steps > 0 ? scenario.steps : DEFAULT_STEPS);
  const started = performance.now();
  let diverged: string | null = null;
  const target = trainer.stepCount + steps;
  while (trainer.stepCount < target && diverged === null) {
    const sliceStart = trainer.stepCount;
    const sliceEnd = Math.min(target, sliceStart + CHECK_EVERY);
    while (trainer.stepCount < sliceEnd) trainer.step();
    const history = await trainer.takeHistory();
    const bad = history.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      diverged = `a value became infinite or not a number at step ${sliceStart + Math.floor(bad / HISTORY_FIELDS.length) + 1}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const snapshot = await trainer.snapshot();
  diverged ??= findNonFinite(snapshotViews(snapshot.data, snapshot.layout));
  const metrics = runMetrics(snapshot, config.model, config.seed);
  const link = encodeScenarioLink(scenario);
  const output = { scenario: link, backend: backend.name, seconds, diverged, notices, ...metrics };

  if (options.json) {
    console.log(JSON.stringify(output));
  } else {
    for (const [key, value] of Object.entries(output)) {
      const text = Array.isArray(value)
        ? value.map((v) => (typeof v === 'number' ? v.toPrecision(4) : v)).join(', ')
        : value;
      console.log(`${key.padEnd(24)} ${typeof text === 'number' ? Number(text.toPrecision(6)) : text}`);
    }
  }
  if (diverged) console.error(`warning: training diverged: ${diverged}`);
  if (options.dump) {
    const weights = await trainer.weights();
    const dump = dumpJson({
      scenario,
      link,
      model: config.model,
      weights,
      data: trainer.data,
      snapshot,
      metrics,
    });
    writeFileSync(options.dump, JSON.stringify(dump));
  }
  trainer.dispose();
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const parsed = parseCliArgs(process.argv.slice(2));
if ('help' in parsed) {
  console.log(USAGE);
} else if ('error' in parsed) {
  console.error(`error: ${parsed.error}\n\n${USAGE}`);
  process.exit(2);
} else {
  try {
    await main(parsed.options);
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
