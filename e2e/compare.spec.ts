import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('compare mode with identical settings shows two views whose first snapshots are identical', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=80&K=4&cmp=on&vs=');
  await page.waitForFunction(() => window.__lab!.compared() !== null);
  await expect(page.locator('canvas.transport-canvas')).toHaveCount(2);
  const a = await page.evaluate(() => ({ x0: window.__lab!.layer(0), xK: window.__lab!.layer(4) }));
  const b = await page.evaluate(() => window.__lab!.compared()!);
  expect(b.step).toBe(0);
  expect(b.layer0).toEqual(a.x0);
  expect(b.layerK).toEqual(a.xK);
});

test('compare mode trains both runs together from the same weights, penalty off against least action', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=80&K=4&pace=max');
  await page.getByRole('button', { name: 'Compare two runs' }).click();
  await expect(page).toHaveURL(/cmp=on&vs=penalty:off/);
  await expect(page.locator('.run-label')).toHaveText(['A: penalty Least action', 'B: penalty Off']);
  await page.waitForFunction(() => window.__lab!.compared() !== null);
  await lab.play();
  await lab.waitForStep(300);
  await lab.pause();
  const a = await lab.snapshot();
  const b = await page.evaluate(() => window.__lab!.compared()!);
  // Held together: neither run is far ahead of the other.
  expect(Math.abs(a.step - b.step)).toBeLessThan(400);
  expect(b.weight).toBe(0);
  expect(a.weight).toBeGreaterThan(0);
  expect(a.kineticCost).toBeLessThan(b.kineticCost);
  await expect(page.locator('.stat-b').first()).toBeVisible();
  // B changes a setting the user picks.
  await page.getByRole('combobox', { name: 'Add a difference' }).selectOption('lr');
  await page.getByRole('spinbutton', { name: "B's learning rate" }).fill('0.001');
  await expect(page).toHaveURL(/vs=penalty:off,lr:0.001/);
  await page.getByRole('button', { name: 'Compare two runs' }).click();
  await expect(page.locator('canvas.transport-canvas')).toHaveCount(1);
});
