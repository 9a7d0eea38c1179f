/** Command-line arguments of `npm run study`, checked: bad input is a usage error, never a stack trace. */
import { availableParallelism } from 'node:os';
import type { Refusal } from './cliArgs';
import { emptyFileName, parseCommand, wholeNumber } from './cliArgs';

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
export function parseStudyArgs(argv: string[]): { options: StudyCliOptions } | Refusal {
  const parsed = parseCommand(
    argv,
    {
      jobs: { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    'study',
  );
  if (!('values' in parsed)) return parsed;
  const { values, positional } = parsed;
  const jobs = wholeNumber(values.jobs, 'jobs', 1, 64, 'from 1 to 64', availableParallelism());
  if (typeof jobs !== 'number') return jobs;
  const badFile = emptyFileName(values.csv, 'csv') ?? emptyFileName(values.json, 'json');
  if (badFile) return badFile;
  return {
    options: {
      study: positional,
      jobs,
      csv: values.csv ?? null,
      json: values.json ?? null,
      quiet: values.quiet ?? false,
    },
  };
}
