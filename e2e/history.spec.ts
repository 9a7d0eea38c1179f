import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

const timeline = (page: Page) => page.getByRole('slider', { name: 'training step in view' });
const history = (page: Page) => page.evaluate(() => window.__lab!.history());

/** Drags the timeline's thumb from its place to `share` of its width, as a user does. */
async function dragTimeline(page: Page, share: number): Promise<void> {
  await timeline(page).scrollIntoViewIfNeeded();
  const box = (await timeline(page).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 4, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * (share + 0.1), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * share, y, { steps: 4 });
  await page.mouse.up();
}

/** Kept steps between 100 and 400: the grid that the first thinning (near step 600) halves. */
const early = (steps: number[]) => steps.filter((s) => s > 100 && s <= 400).length;

/**
 * While a past step is viewed, lets the paused run train on to `limit` (past the first thinning of
 * the history, near step 600) as a user does: a new step limit, then Train; waits until it paused.
 */
async function trainOnTo(page: Page, lab: Lab, limit: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'pause after steps' }).fill(String(limit));
  await lab.play();
  await page.waitForFunction((n) => window.__lab!.history().live >= n, limit);
  await lab.waitUntilPaused();
}

/**
 * Waits until the view draws the checkpoint of the step in view (the kept step nearest to it, the
 * earlier on a tie, as the worker chooses; not a frame still arriving from earlier in a drag), and
 * returns that step.
 */
async function viewedStep(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const h = window.__lab!.history();
    if (h.inView === null || h.drawn === null || h.steps.length === 0) return false;
    const target = h.inView;
    const nearest = h.steps.reduce((a, b) => (Math.abs(b - target) < Math.abs(a - target) ? b : a));
    return h.drawn === nearest && h.drawn === window.__lab!.snapshot()!.step;
  });
  return (await history(page)).drawn!;
}

test('dragging the timeline shows the view at a past step, while training goes on; back to live', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=80&ntest=100&K=4&width=8&pace=max&steps=400', 'wasm');
  await expect(page.getByTestId('timeline-state')).toContainText('Live');
  await lab.play();
  await lab.waitForStep(400);
  await lab.waitUntilPaused();
  const liveLayer = await page.evaluate(() => window.__lab!.layer(4));

  await dragTimeline(page, 0.5);
  const step = await viewedStep(page);
  await expect(page.getByTestId('timeline-state')).toHaveText(
    `Viewing step ${step.toLocaleString('en-US')} of the training history`,
  );
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThan(400);
  // The whole view is the checkpoint's: particles at the output differ from the live ones.
  expect(await page.evaluate(() => window.__lab!.layer(4))).not.toEqual(liveLayer);
  // The read-outs are the step's too.
  await expect(page.locator('#transport-summary')).toContainText(`Step ${step}:`);
  // Training goes on meanwhile, past the first thinning of the history: the view and its read-outs
  // stay at the step.
  const before = (await history(page)).steps;
  await trainOnTo(page, lab, 1500);
  const after = (await history(page)).steps;
  expect(early(after)).toBeLessThan(early(before));
  expect(after).toContain(step);
  expect((await lab.snapshot()).step).toBe(step);
  await expect(page.locator('#transport-summary')).toContainText(`Step ${step}:`);
  await expect(page.getByTestId('timeline-state')).toContainText(
    `Viewing step ${step.toLocaleString('en-US')}`,
  );

  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('timeline-state')).toContainText('Live');
  await page.waitForFunction(() => window.__lab!.snapshot()!.step === 1500);
  expect((await history(page)).inView).toBeNull();
});

test('a paused run: the timeline reaches the first step, and a rebuild goes back to live', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&ntest=100&K=3&width=8&steps=150');
  await lab.play();
  await lab.waitForStep(150);
  await lab.waitUntilPaused();
  await timeline(page).focus();
  await page.keyboard.press('Home');
  expect(await viewedStep(page)).toBe(0);
  const input = await page.evaluate(() => window.__lab!.layer(0));
  expect(await page.evaluate(() => window.__lab!.layer(3))).not.toEqual(input);
  await page.keyboard.press('End');
  const kept = (await history(page)).steps;
  await expect.poll(async () => (await history(page)).drawn).toBe(kept.at(-1));
  // The arrow keys move from one kept step to the one before or after.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await history(page)).drawn).toBe(kept.at(-3));
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await history(page)).drawn).toBe(kept.at(-2));
  await page.getByRole('slider', { name: 'blocks K' }).fill('4');
  await expect(page.getByTestId('timeline-state')).toContainText('Live');
  expect((await history(page)).inView).toBeNull();
});

test('hovering a chart shows its step in the view and a rule on every chart; a tap pins it', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&ntest=100&K=3&width=8&steps=300');
  await lab.play();
  await lab.waitForStep(300);
  await lab.waitUntilPaused();
  const chart = page.locator('.chart-block', { hasText: 'Accuracy' }).locator('rect.chart-hover');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const at = { x: box.width * 0.3, y: box.height / 2 };
  await chart.hover({ position: at });
  const step = await viewedStep(page);
  expect(step).toBeGreaterThan(0);
  expect(step).toBeLessThan(300);
  const rules = page.locator('.chart-step-rule[visibility="visible"]');
  // Every chart with data (the transport chart has none: its layer is off).
  const charted = page.locator('.chart-block:visible .chart-empty[visibility="hidden"]');
  expect(await charted.count()).toBeGreaterThanOrEqual(4);
  await expect(rules).toHaveCount(await charted.count());
  await expect(page.getByTestId('timeline-state')).toContainText('Viewing step');
  // Leaving the chart goes back to what was pinned: live.
  await page.getByRole('heading', { name: /^Accuracy/ }).hover();
  await expect.poll(async () => (await history(page)).inView).toBeNull();
  await expect(rules).toHaveCount(0);
  // A tap pins the step; the timeline then shows it until "Back to live".
  await chart.click({ position: at });
  await page.getByRole('heading', { name: /^Accuracy/ }).hover();
  // The step under the same point (the page may have moved by a pixel since: a step either side).
  expect(Math.abs((await viewedStep(page)) - step)).toBeLessThanOrEqual(1);
  await expect(page.getByRole('button', { name: 'Back to live' })).toBeVisible();
});

test('the training history replays in the page and records as a WebM video', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&ntest=100&K=3&width=8&steps=200');
  await lab.play();
  await lab.waitForStep(200);
  await lab.waitUntilPaused();
  await page.getByText('History settings').click();
  await page.getByRole('combobox', { name: 'replay duration' }).selectOption('5');
  await page.getByRole('button', { name: '▶ Replay' }).click();
  // Log time: the replay passes early steps first, then later ones, and ends on the last kept step.
  await page.waitForFunction(() => (window.__lab!.history().drawn ?? Infinity) < 50);
  await page.waitForFunction(() => (window.__lab!.history().drawn ?? -1) > 150);
  await expect(page.getByRole('button', { name: '▶ Replay' })).toBeVisible({ timeout: 15_000 });
  expect((await history(page)).inView).toBe((await history(page)).steps.at(-1));

  await page.getByRole('button', { name: 'Back to live' }).click();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('combobox', { name: 'length' }).selectOption('2');
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Record the training (WebM)' }).click();
  await expect(page.getByRole('progressbar', { name: 'Recording' })).toBeVisible();
  const bytes = await readFile(await (await saved).path());
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
  await expect(page.getByRole('status').filter({ hasText: 'video of the training' })).toBeVisible();
  expect((await history(page)).inView).toBeNull();
});

test('a link opens at a training step of its run: it trains there, then pauses and says so', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&ntest=100&K=3&width=8&open=250');
  await expect(page.getByTestId('timeline-state')).toHaveText('Live · paused at step 250, as the link asks');
  await lab.settle();
  expect((await lab.snapshot()).step).toBe(250);
  await lab.waitUntilPaused();
  expect((await history(page)).steps.length).toBeGreaterThan(100);
});

test('in compare mode both runs show the step in view while both keep training', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&ntest=100&K=3&width=8&pace=max&cmp=on&steps=300', 'wasm');
  await lab.play();
  await lab.waitForStep(300);
  await lab.waitUntilPaused();
  await dragTimeline(page, 0.4);
  const step = await viewedStep(page);
  await page.waitForFunction((s) => window.__lab!.compared()?.step === s, step);
  // Both runs train on while a past step is viewed, past the first thinning of the history, and
  // both views stay at the step.
  await trainOnTo(page, lab, 1500);
  expect((await lab.snapshot()).step).toBe(step);
  expect(await page.evaluate(() => window.__lab!.compared()?.step)).toBe(step);
  await page.getByRole('button', { name: 'Back to live' }).click();
  await page.waitForFunction(() => window.__lab!.compared()?.step === 1500);
});
