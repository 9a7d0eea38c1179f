/** Command-line arguments of `npm run study`, checked: bad input is a usage error, never a stack trace. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

export const STUDY_USAGE = `Usage: npm run study -- <study name, link or JSON> [--jobs N] [--csv FILE] [--json FILE] [--quiet]

  <study>      a built-in study (low-data-moons, low-data-circles, low-data-spiral,
               displacement-bias, penalty-tradeoff), a study link
               (study=...&sweep=n&values=10,30&arms=off(penalty:off);least action(penalty:lap)&seeds=20&steps=1500&v=2&...)
               or study JSON; out-of-range values are clamped with a notice
  --jobs N     worker threads, 1 to 64 (default: the cores this machine offers)
  --csv FILE   write one line per run (the swept value, arm, seed, link and the run's numbers)
  --json FILE  write the study and its rows as JSON
  --quiet      no progress on stderr
  --help       this text

Progress goes to stderr, the summary (a table of means with 95% intervals and the paired
comparisons in words) to stdout. Ctrl-C stops the study and still writes the rows finished so far.`;

export interface StudyCliOptions {
  study: string;
  jobs: number;
  csv: string | null;
  json: string | null;
  quiet: boolean;
}

/** Parses argv (without node and script); returns the options, a usage error, or a request for help. */
export function parseStudyArgs(
  argv: string[],
): { options: StudyCliOptions } | { error: string } | { help: true } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        jobs: { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1 || positionals[0].trim() === '') {
    return {
      error:
        positionals.length > 1
          ? `expected one study, got ${positionals.length} arguments`
          : 'missing the study',
    };
  }
  let jobs = availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs.trim()) || jobs < 1 || jobs > 64) {
      return { error: `--jobs must be a whole number from 1 to 64, not ${JSON.stringify(values.jobs)}` };
    }
  }
  for (const key of ['csv', 'json'] as const) {
    if (values[key] !== undefined && values[key].trim() === '')
      return { error: `--${key} needs a file name` };
  }
  return {
    options: {
      study: positionals[0],
      jobs,
      csv: values.csv ?? null,
      json: values.json ?? null,
      quiet: values.quiet,
    },
  };
}
