/**
 * "auto" chooses the backend by measurement. Headless Chromium has only a software WebGPU adapter,
 * which auto never trains on; the test hook `?measure=webgpu:SCALE` lets auto measure it and scales
 * its measured time, so that WebGPU wins (a small scale) or loses (a large one).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

// Training points only: on the software adapter every other layer's tfjs programs compile slowly.
const LINK = 'v=2&data=moons&n=64&ntest=100&K=3&width=8&layers=train';
const badge = (page: Page) => page.getByTestId('backend-badge');

async function openMeasured(page: Page, scale: number): Promise<Lab> {
  const lab = new Lab(page);
  await page.goto(`./?measure=webgpu:${scale}#${LINK}`);
  await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 90_000 });
  return lab;
}

test('auto moves a run to WebGPU when it measures faster, and falls back on a lost device', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const lab = await openMeasured(page, 0.0001);
  await expect(badge(page)).toContainText('WASM');
  await lab.play();
  await lab.waitForStep(20);
  // The probe measures both, then the run moves and goes on from where it was.
  await expect(badge(page)).toContainText('WebGPU', { timeout: 180_000 });
  await expect(page.locator('.notice', { hasText: /Training moved to WebGPU/ })).toBeVisible();
  await expect(badge(page)).toHaveAttribute('title', /WASM: [\d,]+ steps\/s measured/);
  await expect(badge(page)).toHaveAttribute('title', /WebGPU: [\d,]+ steps\/s measured/);
  const moved = (await lab.snapshot()).step;
  expect(moved).toBeGreaterThanOrEqual(20);
  await lab.waitForStep(moved + 1, 150_000);
  // The charts kept the steps from before the move: the loss series still starts at step 1.
  const steps = await page.evaluate(() => window.__lab!.lossSteps());
  expect(steps[0]).toBe(1);
  expect(steps.at(-1)!).toBeGreaterThan(moved);

  // A lost GPU device moves the run back, as without auto's choice.
  await page.evaluate(() => window.__lab!.simulate('device-loss'));
  await expect(badge(page)).toContainText('WASM', { timeout: 60_000 });
  await lab.waitForStep(moved + 30);
});

test('auto stays on WASM when WebGPU measures slower, and says why', async ({ page }) => {
  test.setTimeout(240_000);
  const lab = await openMeasured(page, 1000);
  await expect(badge(page)).toHaveAttribute('title', /WASM is the fastest here/, { timeout: 180_000 });
  await expect(badge(page)).toContainText('WASM');
  await expect(badge(page)).toHaveAttribute('title', /WebGPU: [\d,]+ steps\/s measured/);
  await lab.play();
  await lab.waitForStep(30);
  await expect(page.getByRole('button', { name: 'Measure the backends again' })).toBeVisible();
});
