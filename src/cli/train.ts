/**
 * `npm run train -- "<scenario link or JSON>" --steps N [--json] [--dump FILE] [--backend cpu|wasm]`:
 * the app's engine in Node. Prints the final metrics (see report.ts). Exit codes: 0 trained, 1 an
 * error, 2 bad arguments, 3 the training diverged (the metrics are printed, the transport measures
 * are null).
 */
import { writeFileSync } from 'node:fs';
import type { CliOptions } from './args';
import { parseCliArgs, USAGE } from './args';
import { dumpJson } from './report';
import { runScenario } from './runScenario';

/** Exit code of a run whose training diverged. */
const DIVERGED_EXIT_CODE = 3;

async function main(options: CliOptions): Promise<void> {
  const { output, metrics, scenario, trainer, snapshot } = await runScenario(options);
  for (const notice of output.notices) console.error(`note: ${notice}`);
  if (options.json) {
    console.log(JSON.stringify(output));
  } else {
    for (const [key, value] of Object.entries(output)) {
      const text = Array.isArray(value)
        ? value.map((v) => (typeof v === 'number' ? v.toPrecision(4) : v)).join(', ')
        : value;
      const shown = typeof text === 'number' ? Number(text.toPrecision(6)) : (text ?? '-');
      console.log(`${key.padEnd(24)} ${shown}`);
    }
  }
  if (options.dump) {
    const weights = await trainer.weights();
    const link = output.scenario;
    const dump = dumpJson({
      scenario,
      link,
      model: trainer.model,
      weights,
      data: trainer.data,
      snapshot,
      metrics,
    });
    writeFileSync(options.dump, JSON.stringify(dump));
  }
  trainer.dispose();
  if (output.diverged) {
    console.error(
      `error: training diverged: ${output.diverged}; the transport measures were not computed ` +
        '(lower the learning rate or the momentum)',
    );
    process.exitCode = DIVERGED_EXIT_CODE;
  }
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
