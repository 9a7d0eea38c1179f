import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

const canvas = (page: Page) => page.locator('canvas.transport-canvas[data-run="a"]');

/**
 * Clicks the canvas at plane point (x, y). The axes refit to the data when a rebuilt run arrives, so
 * the click waits until no rebuild is pending: the region it reads is then the one the click meets.
 */
async function clickAt(page: Page, x: number, y: number, options: { shift?: boolean; right?: boolean } = {}) {
  await page.waitForFunction(() => !window.__lab!.state().compiling);
  const [cx, cy] = await page.evaluate(
    ([px, py]) => {
      const c = document.querySelector<HTMLCanvasElement>('canvas.transport-canvas[data-run="a"]')!;
      const r = window.__lab!.viewRegion() ?? { cx: 0, cy: 0, half: 1.5 };
      const rect = c.getBoundingClientRect();
      const scale = Math.min(rect.width, rect.height) / (2 * r.half);
      return [
        rect.left + rect.width / 2 + (px - r.cx) * scale,
        rect.top + rect.height / 2 - (py - r.cy) * scale,
      ];
    },
    [x, y],
  );
  if (options.shift) await page.keyboard.down('Shift');
  await page.mouse.click(cx, cy, { button: options.right ? 'right' : 'left' });
  if (options.shift) await page.keyboard.up('Shift');
}

test('drawing points with the mouse adds them, and training uses them', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2');
  await page.getByRole('combobox', { name: 'dataset' }).selectOption('custom');
  await expect(page.getByTestId('own-count')).toHaveText('0 / 2000 points');
  await expect(page.getByText('Add at least two points of two different classes')).toBeVisible();
  const mine = [
    [-0.8, 0.6, false],
    [-0.6, 0.9, false],
    [-0.9, 0.2, false],
    [0.7, -0.5, true],
    [0.9, -0.2, true],
    [0.5, -0.8, true],
  ] as const;
  for (const [x, y, shift] of mine) await clickAt(page, x, y, { shift });
  await expect(page.getByTestId('own-count')).toHaveText('6 / 2000 points');
  await expect(page).toHaveURL(/data=custom.*pts=[A-Za-z0-9_-]{24}/);
  // The worker rebuilt the run on exactly these points.
  await page.waitForFunction(() => window.__lab!.layer(0).length === 12);
  const x0 = await page.evaluate(() => window.__lab!.layer(0));
  mine.forEach(([x, y], i) => {
    expect(x0[2 * i]).toBeCloseTo(x, 1);
    expect(x0[2 * i + 1]).toBeCloseTo(y, 1);
  });
  // Right-click removes the nearest; undo brings it back.
  await clickAt(page, 0.5, -0.8, { right: true });
  await expect(page.getByTestId('own-count')).toHaveText('5 / 2000 points');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('own-count')).toHaveText('6 / 2000 points');
  await page.waitForFunction(() => window.__lab!.layer(0).length === 12);
  const start = await lab.snapshot();
  await lab.play();
  const trained = await lab.waitForStep(200);
  await lab.pause();
  expect(trained.trainLoss).toBeLessThan(start.trainLoss / 3);
  expect(trained.trainAccuracy).toBe(1);
});

test('a CSV with good and bad rows imports the good ones and lists the bad', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2');
  await page.getByRole('button', { name: 'Export' }).click();
  const csv = ['x,y,label', '0,0,0', '1,1,1', 'broken', '0.5,0.2,9', '-1,0.5,0', '2,2'].join('\n');
  await page.getByLabel('Import a run (JSON) or points (CSV)').setInputFiles({
    name: 'mine.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const notices = page.locator('.notices');
  await expect(notices).toContainText('Imported 3 points from mine.csv.');
  await expect(notices).toContainText('Line 4: expected x, y, label, got "broken".');
  await expect(notices).toContainText('Line 5: the label must be a class from 0 to 3.');
  await expect(notices).toContainText('Line 7: expected x, y, label, got "2,2".');
  await expect(page.getByTestId('own-count')).toHaveText('3 / 2000 points');
  await page.waitForFunction(() => window.__lab!.layer(0).length === 6);
});

test('exporting the run as JSON and importing it back restores identical weights', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=xor&n=80&K=4&width=8&pace=max');
  await lab.play();
  await lab.waitForStep(150);
  await lab.pause();
  const trained = await lab.snapshot();
  const output = await page.evaluate(() => window.__lab!.layer(4));
  await page.getByRole('button', { name: 'Export' }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Scenario and weights (JSON)' }).click();
  const file = await (await saved).path();
  await page.getByRole('button', { name: 'Close' }).click();

  await lab.open('v=2&data=moons&K=2');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByLabel('Import a run (JSON) or points (CSV)').setInputFiles(file);
  await page.waitForFunction((step) => window.__lab!.snapshot()?.step === step, trained.step);
  await expect(page.getByRole('combobox', { name: 'dataset' })).toHaveValue('xor');
  // The same weights carry the same points to the same places, bit for bit.
  expect(await page.evaluate(() => window.__lab!.layer(4))).toEqual(output);
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the PNG is a valid image of the canvas size, and twice it at 2x', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  const box = await canvas(page).evaluate((c) => ({
    width: c.clientWidth,
    height: c.clientHeight,
    ratio: window.devicePixelRatio,
  }));
  await page.getByRole('button', { name: 'Export' }).click();
  for (const [label, scale] of [
    ['PNG', 1],
    ['PNG, 2× resolution', 2],
  ] as const) {
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: label, exact: true }).click();
    const bytes = await readFile(await (await saved).path());
    expect(pngSize(bytes)).toEqual({
      width: Math.round(box.width * box.ratio * scale),
      height: Math.round(box.height * box.ratio * scale),
    });
  }
});

test('recording the flow gives a non-empty video that plays for a positive duration', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('combobox', { name: 'length' }).selectOption('2');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Record (WebM)' }).click();
  await expect(page.getByRole('progressbar', { name: 'Recording' })).toBeVisible();
  const bytes = await readFile(await (await saved).path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  const duration = await page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const video = document.createElement('video');
    video.src = URL.createObjectURL(new Blob([data], { type: 'video/webm' }));
    await new Promise((resolve) => (video.onloadedmetadata = resolve));
    // MediaRecorder's WebM has no duration in its header; seeking far makes the browser find it.
    if (!Number.isFinite(video.duration)) {
      video.currentTime = 1e6;
      await new Promise((resolve) => (video.ondurationchange = resolve));
    }
    return video.duration;
  }, bytes.toString('base64'));
  expect(duration).toBeGreaterThan(0.5);
  await expect(page.getByRole('status').filter({ hasText: 'Saved a 2-second video' })).toBeVisible();
});
