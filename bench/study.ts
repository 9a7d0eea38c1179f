/**
 * The standard sweep (the built-in study low-data-moons: 6 values of n x 2 arms x 20 seeds, 1,500
 * steps, moons) timed as `npm run study` runs it (worker threads in one process) beside the loop it
 * replaces, one `npm run train` process per run. The loop is measured on the first seed's runs (one
 * per value and arm, so every size is in the sample) and scaled to the whole study by the seeds.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { STUDIES } from '../src/scenario/studies';
import { studyCells } from '../src/scenario/studyCells';

export const STANDARD_SWEEP = 'low-data-moons';

export interface StudyBenchRow {
  study: string;
  mode: string;
  runs: number;
  /** Runs actually timed (the rest extrapolated). */
  measured_runs: number;
  seconds: number;
}

function timed(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/launch.ts', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${args[0]} exited with ${code}`)),
    );
  });
}

export async function benchStudy(options: { log: (line: string) => void }): Promise<StudyBenchRow[]> {
  const study = STUDIES.find((s) => s.name === STANDARD_SWEEP)!;
  const cells = studyCells(study);
  const jobs = availableParallelism();
  options.log(`  ${STANDARD_SWEEP}: ${cells.length} runs with npm run study --jobs ${jobs}…`);
  const studySeconds = await timed(['src/cli/study.ts', STANDARD_SWEEP, '--jobs', String(jobs), '--quiet']);
  const sample = cells.filter((c) => c.seed === study.base.seed);
  options.log(`  one npm run train process per run, ${sample.length} runs (the first seed)…`);
  let loopSeconds = 0;
  for (const cell of sample) {
    loopSeconds += await timed(['src/cli/train.ts', cell.link, '--steps', String(cell.steps), '--json']);
  }
  return [
    {
      study: STANDARD_SWEEP,
      mode: `npm run study --jobs ${jobs}`,
      runs: cells.length,
      measured_runs: cells.length,
      seconds: studySeconds,
    },
    {
      study: STANDARD_SWEEP,
      mode: 'one npm run train process per run',
      runs: cells.length,
      measured_runs: sample.length,
      seconds: (loopSeconds * cells.length) / sample.length,
    },
  ];
}

export function studyTable(rows: readonly StudyBenchRow[]): string {
  return [
    `Standard sweep (${STANDARD_SWEEP}: 6 values of n x 2 arms x 20 seeds, 1,500 steps), wall time`,
    'mode                                    runs  timed  seconds',
    ...rows.map(
      (r) =>
        `${r.mode.padEnd(40)}${String(r.runs).padStart(4)}${String(r.measured_runs).padStart(7)}${r.seconds.toFixed(1).padStart(9)}`,
    ),
  ].join('\n');
}
