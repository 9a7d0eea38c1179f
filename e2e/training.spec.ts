import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';

test('the page loads, trains on WASM, and the loss falls on moons', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=200');
  expect(await lab.backend()).toBe('wasm');
  await expect(page.getByTestId('backend-badge')).toContainText('WASM');
  const start = await lab.snapshot();
  expect(start.step).toBe(0);
  await lab.play();
  await expect(page.getByTestId('backend-badge')).toContainText('steps/s');
  // WASM has the fused step, the default engine.
  await expect(page.getByTestId('backend-badge')).toContainText('WASM · fused');
  const trained = await lab.waitForStep(400);
  await lab.pause();
  expect(trained.trainLoss).toBeLessThan(start.trainLoss / 5);
  expect(trained.trainAccuracy).toBeGreaterThan(0.95);
  const losses = await lab.losses();
  expect(losses.length).toBeGreaterThanOrEqual(400);
  expect(losses[losses.length - 1]).toBeLessThan(losses[0] / 5);
  await expect(page.getByTestId('step')).not.toHaveText('0');
  await lab.frames(Lab.CATCH_UP_FRAMES);
  await page.screenshot({ path: screenshotPath('trained-moons') });
});

test('depth 0 shows the input cloud and depth K the output cloud', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=circles&n=100&K=4');
  const depth = page.getByRole('slider', { name: /depth t/ });
  const canvas = page.locator('canvas.transport-canvas');
  await depth.fill('0');
  await expect(depth).toHaveValue('0');
  await lab.frames();
  const atInput = await canvas.screenshot();
  await lab.play();
  await lab.waitForStep(150);
  await lab.pause();
  await depth.fill('4');
  await lab.frames();
  const atOutput = await canvas.screenshot();
  expect(atOutput.equals(atInput)).toBe(false);
  const [x0, xK] = await page.evaluate(() => [window.__lab!.layer(0), window.__lab!.layer(4)]);
  expect(x0).not.toEqual(xK);
});

test('a mangled link shows what was fixed and the app still trains', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=nonsense&n=-4&K=1e9&lr=abc&%3Cscript%3E=1');
  const notices = page.locator('.notices');
  await expect(notices).toContainText('dataset (data)');
  await expect(notices).toContainText('below the minimum 10');
  await expect(notices).toContainText('above the maximum 32');
  await expect(notices).toContainText('not a number');
  await expect(notices).toContainText('unknown setting "<script>"');
  expect(page.url()).toContain('#v=2&n=10&K=32');
  await lab.play();
  await lab.waitForStep(5);
});
