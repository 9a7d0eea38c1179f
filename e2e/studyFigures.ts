/**
 * `npm run figures:studies [-- NAME ...] [-- --jobs N]`: the README's study figures, regenerated.
 * For each built-in study (all of them by default) it runs `npm run study -- NAME --json
 * .cache/studies/NAME.json` unless that file exists (delete it to run again), then opens the
 * production build in Chromium, loads the file through the Studies panel's "Open results" as a user
 * would, and writes two PNGs to e2e/screenshots/studies/: NAME.png (the charts against the swept
 * value) and NAME-difference.png (the paired differences of the study's headline quantity).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { STUDIES } from '../src/scenario/studies';
import type { QuantityKey } from '../src/scenario/studySummary';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

/** The quantity each study's difference figure shows (test accuracy unless named here). */
const HEADLINE: Record<string, QuantityKey> = { 'displacement-bias': 'otRatio' };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { jobs: { type: 'string', default: String(cpus().length) } },
});
const names = positionals.length > 0 ? positionals : STUDIES.map((s) => s.name);
const unknown = names.filter((n) => !STUDIES.some((s) => s.name === n));
if (unknown.length > 0) {
  console.error(
    `No built-in study named ${unknown.join(', ')}; they are ${STUDIES.map((s) => s.name).join(', ')}.`,
  );
  process.exit(2);
}

mkdirSync('.cache/studies', { recursive: true });
mkdirSync('e2e/screenshots/studies', { recursive: true });
for (const name of names) {
  const file = `.cache/studies/${name}.json`;
  if (existsSync(file)) continue;
  console.log(`${name}: running the study (${file})…`);
  const run = spawnSync(
    'npx',
    ['tsx', 'src/cli/launch.ts', 'src/cli/study.ts', name, '--jobs', values.jobs, '--json', file, '--quiet'],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) {
    console.error(`${name}: the study failed (exit ${run.status}).`);
    process.exit(1);
  }
}

const server = await preview({
  preview: { port: Number(process.env.FIGURES_PORT) || 4175, strictPort: false, host: '127.0.0.1' },
  logLevel: 'silent',
});
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4175/';
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  for (const name of names) {
    // A page of its own per study: the same address again would only change the hash.
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, deviceScaleFactor: 1 });
    await page.goto(`${url}#v=2&pace=1`);
    await page.getByRole('button', { name: 'Studies' }).click();
    const dialog = page.getByRole('dialog', { name: 'Studies' });
    await dialog.getByLabel('Open results (JSON)').setInputFiles(`.cache/studies/${name}.json`);
    const results = dialog.getByRole('region', { name: 'Study results' });
    await results.waitFor();
    await results.locator('.study-charts').screenshot({ path: `e2e/screenshots/studies/${name}.png` });
    const compared = results.getByRole('combobox', { name: 'Quantity compared' });
    if ((await compared.count()) > 0) {
      await compared.selectOption(HEADLINE[name] ?? 'testAccuracy');
      await results
        .locator('figure.study-chart')
        .last()
        .screenshot({ path: `e2e/screenshots/studies/${name}-difference.png` });
    }
    console.log(`${name}: e2e/screenshots/studies/${name}.png and ${name}-difference.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
