/**
 * The standard sweep (the built-in study low-data-moons: 6 values of n x 2 arms x 20 seeds, 1,500
 * steps, moons) timed as `npm run study` runs it (worker threads in one process) beside the loop it
 * replaces, one `npm run train` process per run. The loop is measured on the first seed's runs (one
 * per value and arm, so every size is in the sample) and scaled to the whole study by the seeds.
 * benchPageStudy runs it in the page as a user does (the Studies dialog, default view behind it).
 */
import { spawn } from 'node:child_process';
import type { Browser } from 'playwright';
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
  /** In the page: the main thread's work per frame, p95 (median over 5-s windows), ms. */
  frame_p95_ms?: number;
  /** In the page: time between animation frames, p95 over the whole study, ms. */
  frame_interval_p95_ms?: number;
  /** In the page: frames per second while the study ran. */
  fps?: number;
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

/**
 * The standard sweep in the page (production build at `baseUrl`, its default view, 1440 x 960): the
 * Studies dialog is opened, the study picked and run (with "Use all cores" when `allCores`), and the
 * dialog closed, so that the default view (training its scenario, as it does on opening) is what the
 * page draws meanwhile. Timed from the click to the last run's row; the frames are measured in the page
 * all along (animation-frame intervals, and the app's own work per frame from window.__lab).
 */
export async function benchPageStudy(
  browser: Browser,
  baseUrl: string,
  options: { allCores: boolean; log: (line: string) => void },
): Promise<StudyBenchRow> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  try {
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Studies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Studies' });
    await dialog.getByRole('combobox', { name: 'Study' }).selectOption(STANDARD_SWEEP);
    await dialog.getByRole('checkbox', { name: /Use all cores/ }).setChecked(options.allCores);
    const started = performance.now();
    await dialog.getByRole('button', { name: 'Run study' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const measured = await page.evaluate(async () => {
      const lab = window.__lab!;
      const intervals: number[] = [];
      const windowP95: number[] = [];
      lab.resetRenderStats();
      let windowStart = performance.now();
      let last = performance.now();
      const begun = last;
      while (lab.study().status === 'running') {
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        intervals.push(now - last);
        last = now;
        if (now - windowStart >= 5000) {
          windowP95.push(lab.frameStats().p95);
          lab.resetRenderStats();
          windowStart = now;
        }
      }
      if (lab.frameStats().frames > 30) windowP95.push(lab.frameStats().p95);
      const sorted = [...intervals].sort((a, b) => a - b);
      const byWindow = [...windowP95].sort((a, b) => a - b);
      return {
        study: lab.study(),
        intervalP95: sorted[Math.floor(0.95 * (sorted.length - 1))] ?? NaN,
        frameP95: byWindow[Math.floor(byWindow.length / 2)] ?? NaN,
        fps: intervals.length / ((performance.now() - begun) / 1000),
      };
    });
    const seconds = (performance.now() - started) / 1000;
    if (measured.study.status !== 'done') throw new Error(`the page's study ended ${measured.study.status}`);
    const mode = `page, ${measured.study.workers} worker${measured.study.workers === 1 ? '' : 's'}${options.allCores ? ' (all cores)' : ''}`;
    options.log(
      `  ${mode}: ${measured.study.finished} runs in ${seconds.toFixed(1)} s, frame p95 ${measured.frameP95.toFixed(1)} ms, ` +
        `frame interval p95 ${measured.intervalP95.toFixed(1)} ms, ${measured.fps.toFixed(1)} fps`,
    );
    return {
      study: STANDARD_SWEEP,
      mode,
      runs: measured.study.total,
      measured_runs: measured.study.finished,
      seconds,
      frame_p95_ms: measured.frameP95,
      frame_interval_p95_ms: measured.intervalP95,
      fps: measured.fps,
    };
  } finally {
    await page.close();
  }
}

export function studyTable(rows: readonly StudyBenchRow[]): string {
  const ms = (v: number | undefined) => (v === undefined ? '' : v.toFixed(1));
  return [
    `Standard sweep (${STANDARD_SWEEP}: 6 values of n x 2 arms x 20 seeds, 1,500 steps), wall time`,
    '(page: default view behind the closed dialog; frame p95: work per frame, median of 5-s windows;',
    ' interval p95: time between animation frames over the whole study)',
    'mode                                    runs  timed  seconds  frame p95  interval p95   fps',
    ...rows.map(
      (r) =>
        `${r.mode.padEnd(40)}${String(r.runs).padStart(4)}${String(r.measured_runs).padStart(7)}${r.seconds.toFixed(1).padStart(9)}` +
        `${ms(r.frame_p95_ms).padStart(11)}${ms(r.frame_interval_p95_ms).padStart(14)}${ms(r.fps).padStart(6)}`,
    ),
  ].join('\n');
}
