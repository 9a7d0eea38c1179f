import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('the same link replays the same first 100 losses exactly on WASM across page loads', async ({
  page,
}) => {
  const lab = new Lab(page);
  // The step limit stops both runs at step 100 (the charts keep every step's loss up to 2,048 steps).
  const link = 'v=2&data=spiral&n=150&K=6&batch=32&penalty=lap&steps=100';
  const run = async () => {
    await lab.open(link, 'wasm');
    expect(await lab.backend()).toBe('wasm');
    await lab.play();
    await lab.waitForStep(100);
    await lab.waitUntilPaused();
    return (await lab.losses()).slice(0, 100);
  };
  const first = await run();
  const second = await run();
  expect(first).toHaveLength(100);
  expect(second).toEqual(first);
});

test('changing the data adds a history entry: Back and Forward restore the scenarios', async ({ page }) => {
  // The page's clock runs as usual, and the test can move it forward.
  await page.clock.install();
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=100');
  const dataset = page.getByRole('combobox', { name: 'dataset' });
  await dataset.selectOption('circles');
  await expect(page).toHaveURL(/data=circles/);
  // Edits within a second belong to one history entry: move the page's clock past that second.
  await page.clock.fastForward(1100);
  await dataset.selectOption('xor');
  await expect(page).toHaveURL(/data=xor/);
  await page.goBack();
  await expect(dataset).toHaveValue('circles');
  await page.waitForFunction(() => window.__lab!.snapshot() !== null);
  await page.goBack();
  await expect(dataset).toHaveValue('moons');
  await expect(page).toHaveURL(/#v=2&n=100$/);
  await page.goForward();
  await expect(dataset).toHaveValue('circles');
});

test('a shared link with trained weights opens on the trained network', async ({ page, context }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=80&K=4&width=8&steps=200');
  await lab.play();
  await lab.waitForStep(200);
  await lab.waitUntilPaused();
  const trained = await lab.snapshot();
  expect(trained.step).toBe(200);
  const x4 = await page.evaluate(() => window.__lab!.layer(4));
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByLabel(/Include the trained weights/).check();
  await expect(page.getByLabel(/Include the trained weights/)).toHaveAccessibleName(
    new RegExp(`step ${trained.step}`),
  );
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/&w=[A-Za-z0-9_-]+&at=\d+&lam=/);
  expect(link.length).toBeLessThan(8192);

  const other = await context.newPage();
  const lab2 = new Lab(other);
  await other.goto(link);
  await other.waitForFunction((step) => window.__lab?.snapshot()?.step === step, trained.step);
  await expect(other.locator('.notices')).toContainText(
    `Opened the trained network this link carries (step ${trained.step})`,
  );
  const y4 = await other.evaluate(() => window.__lab!.layer(4));
  // float16 weights: positions agree to about three decimals.
  x4.forEach((v, i) => expect(Math.abs(v - y4[i])).toBeLessThan(5e-3));
  expect((await lab2.snapshot()).trainAccuracy).toBeCloseTo(trained.trainAccuracy, 1);
});

test('a link whose weights do not fit the network says so and starts from the seed', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&K=3&w=AAAA&at=5&lam=2');
  await expect(page.locator('.notices')).toContainText('trained weights in the link');
  expect((await lab.snapshot()).step).toBe(0);
});
