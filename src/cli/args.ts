/** Command-line arguments of `npm run train`, checked: bad input is a usage error, never a stack trace. */
import type { Refusal } from './cliArgs';
import { emptyFileName, parseCommand, wholeNumber } from './cliArgs';

export const USAGE = `Usage: npm run train -- "<scenario link or JSON>" [--steps N] [--json] [--dump FILE] [--backend cpu|wasm]

  <scenario>   a share link (https://.../#v=2&data=moons&n=30), its parameters (v=2&data=moons), or
               scenario JSON ({"data":"moons","n":30}); out-of-range values are clamped with a notice
  --steps N    steps to train, after any trained state the link carries (default: the scenario's
               "steps", else 1000), 0 to 10,000,000
  --json       print one JSON object instead of a table
  --dump FILE  also write weights, data, trajectories and metrics to FILE as JSON
  --backend    cpu (default) or wasm
  --help       this text`;

export interface CliOptions {
  scenario: string;
  steps: number | null;
  json: boolean;
  dump: string | null;
  backend: 'cpu' | 'wasm';
}

/** Parses argv (without node and script); returns the options, a usage error, or a request for help. */
export function parseCliArgs(argv: string[]): { options: CliOptions } | Refusal {
  const parsed = parseCommand(
    argv,
    {
      steps: { type: 'string' },
      json: { type: 'boolean', default: false },
      dump: { type: 'string' },
      backend: { type: 'string', default: 'cpu' },
    },
    'scenario',
  );
  if (!('values' in parsed)) return parsed;
  const { values, positional } = parsed;
  const steps = wholeNumber(values.steps, 'steps', 0, 10_000_000, 'from 0 to 10,000,000', null);
  if (steps !== null && typeof steps !== 'number') return steps;
  if (values.backend !== 'cpu' && values.backend !== 'wasm') {
    return { error: `--backend must be cpu or wasm, not ${JSON.stringify(values.backend)}` };
  }
  const badFile = emptyFileName(values.dump, 'dump');
  if (badFile) return badFile;
  return {
    options: {
      scenario: positional,
      steps,
      json: values.json ?? false,
      dump: values.dump ?? null,
      backend: values.backend,
    },
  };
}
