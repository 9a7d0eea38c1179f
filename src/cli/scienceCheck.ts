/**
 * The scientific check of the least-action claim on scarce data (shared/spec/science.md section 5,
 * claim 4): two moons, 30 training points, noise 0.25, K = 10, five seeds, 1,500 steps, vanilla
 * (penalty off) against least action. Every row is a share link, so it can be opened in the app.
 */
import type { RunOutput } from './runScenario';
import { runScenario } from './runScenario';

export const SCIENCE_CHECK = {
  base: 'v=1&n=30&noise=0.25&K=10',
  seeds: [1, 2, 3, 4, 5],
  steps: 1500,
  modes: [
    { name: 'vanilla', penalty: 'off' },
    { name: 'least action', penalty: 'lap' },
  ],
} as const;

export interface ScienceRow {
  mode: string;
  seed: number;
  link: string;
  output: RunOutput;
}

/** Runs every seed in both modes, one after the other. */
export async function runScienceCheck(
  backend: 'cpu' | 'wasm',
  onRow: (row: ScienceRow) => void = () => undefined,
): Promise<ScienceRow[]> {
  const rows: ScienceRow[] = [];
  for (const seed of SCIENCE_CHECK.seeds) {
    for (const mode of SCIENCE_CHECK.modes) {
      const link = `${SCIENCE_CHECK.base}&seed=${seed}&penalty=${mode.penalty}&steps=${SCIENCE_CHECK.steps}`;
      const { output, trainer } = await runScenario({ scenario: link, steps: null, backend });
      trainer.dispose();
      const row = { mode: mode.name, seed, link: output.scenario, output };
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

/** Mean and (sample) standard deviation. */
export function meanAndSpread(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, values.length - 1));
  return { mean, sd };
}

/** The README's table: one row per run, then mean ± spread per mode. */
export function scienceTable(rows: readonly ScienceRow[]): string {
  const lines = [
    '| mode | seed | C | train acc. | test acc. | W2²/S | link |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.mode} | ${r.seed} | ${r.output.C.toPrecision(3)} | ${(100 * r.output.trainAccuracy).toFixed(1)}% | ` +
        `${(100 * r.output.testAccuracy).toFixed(1)}% | ${r.output.otRatio?.toFixed(3) ?? 'diverged'} | \`#${r.link}\` |`,
    ),
  ];
  for (const mode of SCIENCE_CHECK.modes) {
    const mine = rows.filter((r) => r.mode === mode.name);
    const c = meanAndSpread(mine.map((r) => r.output.C));
    const test = meanAndSpread(mine.map((r) => 100 * r.output.testAccuracy));
    lines.push(
      `| **${mode.name}, mean ± sd** | | ${c.mean.toPrecision(3)} ± ${c.sd.toPrecision(2)} | | ` +
        `${test.mean.toFixed(1)}% ± ${test.sd.toFixed(1)} | | |`,
    );
  }
  return lines.join('\n');
}
