/** Command-line arguments of `npm run train`, checked: bad input is a usage error, never a stack trace. */
import { parseArgs } from 'node:util';

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

/** Parses argv (without node and script); returns the options or a usage error message. */
export function parseCliArgs(argv: string[]): { options: CliOptions } | { error: string } | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        steps: { type: 'string' },
        json: { type: 'boolean', default: false },
        dump: { type: 'string' },
        backend: { type: 'string', default: 'cpu' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) {
    return {
      error:
        positionals.length === 0
          ? 'missing the scenario'
          : `expected one scenario, got ${positionals.length} arguments`,
    };
  }
  let steps: number | null = null;
  if (values.steps !== undefined) {
    steps = Number(values.steps);
    if (!/^\d+$/.test(values.steps.trim()) || steps > 10_000_000) {
      return {
        error: `--steps must be a whole number from 0 to 10,000,000, not ${JSON.stringify(values.steps)}`,
      };
    }
  }
  if (values.backend !== 'cpu' && values.backend !== 'wasm') {
    return { error: `--backend must be cpu or wasm, not ${JSON.stringify(values.backend)}` };
  }
  if (values.dump !== undefined && values.dump.trim() === '') return { error: '--dump needs a file name' };
  return {
    options: {
      scenario: positionals[0],
      steps,
      json: values.json,
      dump: values.dump ?? null,
      backend: values.backend,
    },
  };
}
