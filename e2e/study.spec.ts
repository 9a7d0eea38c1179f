import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

/** 2 values x 2 arms x 2 seeds, 50 steps: small enough for the suite. */
const TINY =
  'study=tiny&sweep=n&values=20,40&arms=off(penalty:off);least action(penalty:lap)&seeds=2&steps=50&v=2&noise=0.25&K=3&width=8';

test('a study runs on workers, shows its progress, results and sentences, exports, and opens a run', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=xor&n=50');
  await page.getByRole('button', { name: 'Studies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Studies' });
  await dialog.getByRole('textbox', { name: /Study link/ }).fill(TINY);
  await expect(dialog.getByRole('combobox', { name: 'Study' })).toHaveValue('');
  // Every text the status shows, as it changes (the tiny study may be done before a poll sees it run).
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    const dialog = document.querySelector('dialog[open]')!;
    const note = () => seen.push(dialog.querySelector('[role="status"]')?.textContent ?? '');
    new MutationObserver(note).observe(dialog, { subtree: true, childList: true, characterData: true });
  });
  await dialog.getByRole('button', { name: 'Run study' }).click();
  const status = dialog.getByRole('status');
  await expect(status).toContainText('Done: 8 of 8 runs', { timeout: 90_000 });
  const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  expect(texts.some((text) => text.includes('Running on'))).toBe(true);
  await expect(dialog.getByRole('progressbar', { name: 'Study progress' })).toHaveAttribute('value', '1');

  const results = dialog.getByRole('region', { name: 'Study results' });
  await expect(results.locator('.study-chart')).toHaveCount(7);
  await expect(results.locator('.study-chart').first().locator('circle.study-run')).toHaveCount(8);
  const sentences = results.getByRole('list', { name: 'Paired comparisons' }).getByRole('listitem');
  await expect(sentences).toHaveCount(2);
  await expect(sentences.first()).toContainText(
    /n = 20: .*(more accurate|less accurate|No detectable difference).*2 seeds\)\./,
  );
  await results.getByRole('combobox', { name: 'Quantity compared' }).selectOption('C');
  await expect(sentences.first()).toContainText('kinetic cost C');

  const download = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv).toHaveLength(9);
  expect(csv[0].startsWith('n,arm,seed,link,steps,trainAccuracy,testAccuracy')).toBe(true);

  const jsonDownload = page.waitForEvent('download');
  await results.getByRole('button', { name: 'Download JSON' }).click();
  const jsonPath = await (await jsonDownload).path();
  expect(JSON.parse(readFileSync(jsonPath, 'utf8')).rows).toHaveLength(8);
  // The exported file opens again as results.
  await dialog.getByLabel('Open results (JSON)').setInputFiles({
    name: 'tiny.json',
    mimeType: 'application/json',
    buffer: readFileSync(jsonPath),
  });
  await expect(status).toContainText('Opened from a file: 8 of 8 runs');
  await expect(results.locator('.study-chart').first().locator('circle.study-run')).toHaveCount(8);

  // Results stay when the dialog closes and opens again.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Studies' }).click();
  await expect(status).toContainText('Opened from a file: 8 of 8 runs');

  // A run's dot opens that run in the lab.
  const dot = results.locator('.study-chart').first().locator('circle.study-run').last();
  const link = await dot.getAttribute('data-link');
  await dot.click();
  await expect(dialog).toBeHidden();
  // The lab may add view settings (the depth it shows) after the run's own.
  await expect.poll(() => new URL(page.url()).hash.startsWith(`#${link}`)).toBe(true);
  await expect(page.getByRole('combobox', { name: 'dataset' })).toHaveValue('moons');
});

test('a study with bad settings is clamped, says what changed, and can be cancelled', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2');
  await page.getByRole('button', { name: 'Studies' }).click();
  const dialog = page.getByRole('dialog', { name: 'Studies' });
  await dialog
    .getByRole('textbox', { name: /Study link/ })
    .fill('study=big&sweep=n&values=30,60&arms=off(penalty:off);x(bogus:1)&seeds=500&steps=100000&v=2');
  await dialog.getByRole('button', { name: 'Run study' }).click();
  await expect(dialog.getByRole('list', { name: 'Changes made to the study' })).toContainText('seeds');
  await expect(dialog.getByRole('status')).toContainText('Running on');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('status')).toContainText('Cancelled: 0 of 400 runs');
});
