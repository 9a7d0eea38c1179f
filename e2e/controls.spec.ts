import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

/** Live controls and how a user changes each one. */
const LIVE_CONTROLS: { name: string; change: (page: Page) => Promise<unknown> }[] = [
  {
    name: 'penalty mode',
    change: (p) => p.getByRole('group', { name: 'penalty' }).getByText('Fixed').click(),
  },
  { name: 'penalty weight', change: (p) => p.getByRole('slider', { name: 'penalty weight' }).fill('-1') },
  {
    name: 'least action',
    change: (p) => p.getByRole('group', { name: 'penalty' }).getByText('Least action').click(),
  },
  { name: 'lambda0', change: (p) => p.getByRole('slider', { name: 'lambda0' }).fill('1') },
  { name: 'tau', change: (p) => p.getByRole('slider', { name: 'tau' }).fill('0.5') },
  { name: 's', change: (p) => p.getByRole('slider', { name: 'update every s steps' }).fill('3') },
  { name: 'learning rate', change: (p) => p.getByRole('slider', { name: 'learning rate' }).fill('-2.5') },
  { name: 'batch size', change: (p) => p.getByRole('slider', { name: 'batch size' }).fill('16') },
  {
    name: 'optimiser',
    change: (p) => p.getByRole('group', { name: 'optimiser' }).getByText('SGD + momentum').click(),
  },
  { name: 'momentum', change: (p) => p.getByRole('slider', { name: 'momentum' }).fill('0.5') },
  { name: 'speed', change: (p) => p.getByRole('combobox', { name: 'speed' }).selectOption('100') },
  {
    name: 'engine',
    change: async (p) => {
      await expect(p.getByTestId('backend-badge')).toContainText('fused');
      await p.getByRole('group', { name: 'engine' }).getByText('Reference', { exact: true }).click();
      await expect(p.getByTestId('backend-badge')).toContainText('tfjs ops');
    },
  },
  {
    name: 'step limit',
    change: (p) => p.getByRole('spinbutton', { name: 'pause after steps' }).fill('100000'),
  },
];

test('changing each live control mid-run resets neither the step counter nor the weights', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=80&K=4&width=8&penalty=off&pace=300');
  const initialOutput = await page.evaluate(() => window.__lab!.layer(4));
  await lab.play();
  let last = await lab.waitForStep(50);
  for (const control of LIVE_CONTROLS) {
    await control.change(page);
    const next = await lab.waitForStep(last.step + 20);
    expect(next.runId, control.name).toBe(last.runId);
    expect(next.step, control.name).toBeGreaterThan(last.step);
    last = next;
  }
  await lab.pause();
  const final = await lab.snapshot();
  // Every step was recorded once since step 0 (every 2nd, 4th... once the series was decimated, as a
  // run past 2,048 steps is): the counter never went back.
  const notices = (await page.locator('.notices').allInnerTexts()).join(' | ');
  const steps = await page.evaluate(() => window.__lab!.lossSteps());
  const stride = steps.length > 1 ? steps[1] - steps[0] : 1;
  expect(steps[0], notices).toBe(1);
  expect(
    steps.every((s, i) => s === 1 + i * stride),
    notices,
  ).toBe(true);
  expect(final.step - steps.at(-1)!, notices).toBeLessThan(stride);
  expect(await page.evaluate(() => window.__lab!.layer(4))).not.toEqual(initialOutput);
  // The link holds every change (least action is the default, so it is not written).
  await expect(page).toHaveURL(
    /#v=2&n=80&K=4&width=8&lambda0=10&tau=0.5&s=3&opt=sgd&lr=0.00316&batch=16&momentum=0.5&engine=reference&steps=100000&pace=100$/,
  );
});

test('Adam decay rates are live controls too', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await lab.play();
  const before = await lab.waitForStep(30);
  await page.getByText("Adam's decay rates").click();
  await page.getByRole('slider', { name: 'beta1' }).fill('0.5');
  await page.getByRole('slider', { name: 'beta2' }).fill('0.99');
  const after = await lab.waitForStep(before.step + 30);
  expect(after.runId).toBe(before.runId);
  await expect(page).toHaveURL(/beta1=0.5&beta2=0.99/);
});

test('shape-changing controls rebuild the run from the seed', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  const first = await page.evaluate(() => window.__lab!.layer(0));
  await lab.play();
  const trained = await lab.waitForStep(30);
  await page.getByRole('slider', { name: 'blocks K' }).fill('5');
  await page.waitForFunction((id) => (window.__lab!.snapshot()?.runId ?? 0) > id, trained.runId);
  const rebuilt = await lab.snapshot();
  expect(rebuilt.step).toBeLessThan(trained.step);
  // Same seed, same data.
  expect(await page.evaluate(() => window.__lab!.layer(0))).toEqual(first);
});

test('the charts keep drawing after 5,000 steps, with a bounded number of points', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=40&ntest=100&K=2&width=4&pace=max&layers=train');
  await lab.play();
  await lab.waitForStep(5000, 110_000);
  await lab.pause();
  await lab.frames(Lab.CATCH_UP_FRAMES);
  const loss = page.locator('section.chart-block', { has: page.getByRole('heading', { name: /^Loss/ }) });
  const path = await loss.locator('path[stroke-width]').first().getAttribute('d');
  const vertices = (path ?? '').split(/[ML]/).length - 1;
  // At most four points per pixel column of the plot (first, lowest, highest, last), however long
  // the run; at least one in most columns, since the run spans most of the step axis.
  const plotWidth = Number(await loss.locator('svg.chart').getAttribute('width')) - 54;
  expect(vertices).toBeGreaterThan(plotWidth / 2);
  expect(vertices).toBeLessThanOrEqual(4 * (plotWidth + 1));
  // The step axis reaches the thousands: the whole run is on the chart.
  const ticks = await loss.locator('.axis text').allTextContents();
  expect(
    Math.max(...ticks.filter((t) => t.endsWith('k')).map((t) => Number(t.slice(0, -1)))),
  ).toBeGreaterThanOrEqual(4);
  const frames = await page.evaluate(() => window.__lab!.frameStats());
  expect(frames.frames).toBeGreaterThan(10);
  // The page still answers a click at once.
  await page.getByRole('button', { name: 'Reset to the initial weights' }).click();
  await page.waitForFunction(() => window.__lab!.snapshot()!.step === 0);
});
