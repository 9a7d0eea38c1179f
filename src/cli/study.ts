/**
 * `npm run study -- <study> [--jobs N] [--csv FILE] [--json FILE] [--quiet]`: every run of a study
 * on a pool of worker threads in this one process, each run trained as `npm run train` trains it.
 * Progress on stderr, the summary on stdout; exit code 2 on bad arguments, 130 when interrupted (the
 * rows finished so far are still written), 1 when a run failed.
 * The same bundle serves as the worker threads' entry (see studyRunners.ts).
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { parseStudyText, STUDIES } from '../scenario/studies';
import { studyCells } from '../scenario/studyCells';
import { encodeStudyLink } from '../scenario/studyLink';
import { studyCsv, studyJson } from '../scenario/studyRows';
import { summarizeStudy } from '../scenario/studySummary';
import type { StudyProgress } from '../study/progress';
import { runStudy } from '../study/runStudy';
import { studySentences, studyTable } from '../study/studyTable';
import type { StudyCliOptions } from './studyArgs';
import { parseStudyArgs, STUDY_USAGE } from './studyArgs';
import { createThreadRunner, serveCells } from './studyRunners';

const seconds = (s: number) =>
  s < 60 ? `${s.toFixed(0)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

function progressLine(p: StudyProgress): string {
  const eta = p.etaSeconds === null ? '' : `, about ${seconds(p.etaSeconds)} left`;
  return `  ${p.finished}/${p.total} runs, ${(100 * p.fraction).toFixed(0)}% of the work, ${seconds(p.elapsedSeconds)}${eta}`;
}

async function main(options: StudyCliOptions): Promise<number> {
  const { study, notices } = parseStudyText(options.study);
  for (const notice of notices) console.error(`note: ${notice}`);
  const cells = studyCells(study);
  const log = options.quiet ? () => undefined : (line: string) => console.error(line);
  log(
    `${study.title}: ${cells.length} runs (${study.values.length} values of ${study.sweep} x ${study.arms.length} arms x ` +
      `${study.seeds} seeds, ${study.steps} steps) on ${Math.min(options.jobs, cells.length)} worker threads`,
  );
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.error('Interrupted: stopping the workers; the rows finished so far are kept.');
    controller.abort();
  });
  let lastShown = -1;
  const started = performance.now();
  const outcome = await runStudy({
    cells,
    jobs: options.jobs,
    createRunner: () => createThreadRunner(new URL(import.meta.url)),
    signal: controller.signal,
    now: () => performance.now(),
    onRow: (row, progress) => {
      if (row.diverged) console.error(`warning: ${row.link} diverged: ${row.diverged}`);
      // About twenty lines over a study, and the last one.
      const shown = Math.floor(progress.fraction * 20);
      if (shown > lastShown || progress.finished === progress.total) log(progressLine(progress));
      lastShown = shown;
    },
  });
  const wall = (performance.now() - started) / 1000;
  if (options.csv) writeFileSync(options.csv, studyCsv(study, outcome.rows));
  if (options.json)
    writeFileSync(options.json, `${JSON.stringify(studyJson(study, outcome.rows), null, 1)}\n`);
  if (outcome.error) console.error(`error: a run failed: ${outcome.error}`);

  const summaries = summarizeStudy(study, outcome.rows);
  console.log(`${study.title}\n${study.caption ? `${study.caption}\n` : ''}`);
  console.log(`Study link: ${encodeStudyLink(study)}`);
  console.log(
    `${outcome.rows.length} of ${cells.length} runs in ${wall.toFixed(1)} s (${outcome.status}).\n`,
  );
  console.log(studyTable(study, summaries));
  if (study.arms.length > 1)
    console.log(
      `\nPaired comparisons (each arm minus ${study.arms[0].label}):\n${studySentences(study, summaries)}`,
    );
  return outcome.status === 'done' ? 0 : outcome.status === 'cancelled' ? 130 : 1;
}

/** A study argument that is neither a known name, nor a link, nor JSON is a typo, not a study. */
function unknownName(text: string): string | null {
  const t = text.trim();
  if (t.startsWith('{') || t.includes('=') || STUDIES.some((s) => s.name === t)) return null;
  return `no built-in study is called ${JSON.stringify(t)} (there are ${STUDIES.map((s) => s.name).join(', ')})`;
}

if (!isMainThread) {
  serveCells();
} else {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const parsed = parseStudyArgs(process.argv.slice(2));
  if ('help' in parsed) {
    console.log(STUDY_USAGE);
  } else {
    const error = 'error' in parsed ? parsed.error : unknownName(parsed.options.study);
    if (error !== null || 'error' in parsed) {
      console.error(`error: ${error}\n\n${STUDY_USAGE}`);
      process.exit(2);
    }
    try {
      process.exit(await main(parsed.options));
    } catch (failure) {
      console.error(`error: ${failure instanceof Error ? failure.message : String(failure)}`);
      process.exit(1);
    }
  }
}
