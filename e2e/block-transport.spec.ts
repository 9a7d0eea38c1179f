/**
 * The per-block views as a user meets them: the Monge-gap trail colouring with its legend, and per
 * block the own cost h²E_k beside the optimal W₂²(μ_k, μ_{k+1}), on phone, tablet, desktop and
 * projector, with a screenshot of each for review.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';

const canvas = (page: Page) => page.locator('canvas.transport-canvas[data-run="a"]');
const legend = (page: Page) => page.getByTestId('monge-legend');
const blocks = (page: Page) => page.locator('section.block-transport');

/** A number as the read-outs print it (formatNumber: plain or with an exponent). */
const numberOf = (text: string) => Number(text.trim().replace('−', '-'));

/** Trains a link to `steps` steps at full speed and pauses (so the measures are of the last step). */
async function trained(page: Page, link: string, steps: number): Promise<Lab> {
  const lab = new Lab(page);
  await lab.open(`${link}&pace=max&steps=${steps}`);
  await lab.play();
  await lab.waitForStep(steps);
  await lab.waitUntilPaused();
  await lab.settle();
  return lab;
}

/** Opens the layer settings (a phone keeps them behind the menu of the stage) and picks a colouring. */
async function chooseTrailColour(page: Page, label: string): Promise<void> {
  const settings = page.locator('details.layer-settings');
  if (!(await settings.evaluate((d: HTMLDetailsElement) => d.open)))
    await settings.locator('summary').click();
  // The radio itself is hidden under its segment's label, which is what a user presses.
  await settings.locator('label.segment', { hasText: label }).click();
  await expect(settings.getByRole('radio', { name: label })).toBeChecked();
}

/** The per-block table as numbers: [block, h²E, W₂², ratio] rows. */
async function blockTable(page: Page): Promise<number[][]> {
  const values = blocks(page).locator('details.block-values');
  if (!(await values.evaluate((d: HTMLDetailsElement) => d.open))) await values.locator('summary').click();
  const rows = values.locator('tbody tr');
  return (
    await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')))
  ).map((cells) => cells.map(numberOf));
}

test('a user colours the trails by Monge gap and reads W₂² beside h²E per block', async ({ page }) => {
  const lab = await trained(page, 'v=2&data=moons&n=150&K=6&trails=150&layers=train,trails', 300);
  await expect(page.getByTestId('ratio-otRatio')).not.toContainText('–');
  const before = await canvas(page).screenshot();

  await chooseTrailColour(page, 'Monge gap');
  await expect(page).toHaveURL(/[#&]trail=monge(&|$)/);
  await expect(legend(page)).toBeVisible();
  await expect(legend(page)).toContainText('particle’s excess over the optimal pairing');
  // Either a scale in percent of S − W₂², or (a network whose pairing is optimal) that there is none.
  await expect(legend(page)).toContainText(/of S − W₂²|paired optimally/);
  await lab.frames();
  expect((await canvas(page).screenshot()).equals(before), 'the trails changed colour').toBe(false);

  // Per block: the heading and key, then the values, W₂² never above h²E (the own pairing is one).
  await expect(blocks(page).getByRole('heading')).toHaveText(/own cost h²Eₖ and optimal W₂²\(μₖ, μₖ₊₁\)/);
  await expect(blocks(page).getByRole('img')).toHaveAttribute('aria-label', /block 6: .+ and .+$/);
  const table = await blockTable(page);
  expect(table.map((row) => row[0])).toEqual([1, 2, 3, 4, 5, 6]);
  for (const [, own, optimal, ratio] of table) {
    expect(optimal).toBeGreaterThanOrEqual(0);
    expect(optimal).toBeLessThanOrEqual(own);
    expect(ratio).toBeLessThanOrEqual(1);
  }
  // With h = 1 and every point measured, h²E_k is the block's energy E_k of the bars beside it.
  const energies = (await page.locator('svg.energy-bars').getAttribute('aria-label'))!
    .split(', ')
    .map((part) => numberOf(part.split(': ').at(-1)!));
  table.forEach(([, own], k) => expect(own).toBeCloseTo(energies[k], 2));
  const ratio = numberOf(await blocks(page).getByTestId('block-ot-ratio').locator('strong').innerText());
  expect(ratio).toBeGreaterThan(0);
  expect(ratio).toBeLessThanOrEqual(1);
  const hooked = (await page.evaluate(() => window.__lab!.transport()))!;
  hooked.blockOptimalCosts.forEach((w, k) =>
    expect(w).toBeLessThanOrEqual(hooked.blockDisplacementCosts[k] * (1 + 1e-12)),
  );
});

test('the Monge gaps are measured when only the trails need them, on a subsample said so', async ({
  page,
}) => {
  // Read-outs and charts hidden: the trail colouring alone asks for the measures. 600 points: a
  // subsample of 512 is measured, the other trails are drawn neutral.
  await trained(page, 'v=2&data=moons&n=600&K=4&trail=monge&trails=600&hide=metrics,charts', 60);
  await expect(legend(page)).toContainText(/of S − W₂²|paired optimally/);
  await expect(page.getByText('not among the 512 measured points')).toBeVisible();
});

const SCREENS = [
  { name: 'phone-390x844', width: 390, height: 844, mobile: true },
  { name: 'tablet-820x1180', width: 820, height: 1180, mobile: true },
  { name: 'desktop-1440x960', width: 1440, height: 960, mobile: false },
  { name: 'projector-1920x1080', width: 1920, height: 1080, mobile: false },
];

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({
      viewport: { width: screen.width, height: screen.height },
      isMobile: screen.mobile,
      hasTouch: screen.mobile,
    });

    test(`shows the Monge-gap legend and the per-block costs readably (${screen.name})`, async ({ page }) => {
      const link = `v=2&data=moons&n=200&K=8&trail=monge&trails=200${screen.name.startsWith('projector') ? '&class=on' : ''}`;
      const lab = await trained(page, link, 300);
      await expect(legend(page)).toContainText(/of S − W₂²|paired optimally/);
      await page.screenshot({ path: screenshotPath(`block-transport/${screen.name}-view`) });
      const settings = page.locator('details.layer-settings');
      await settings.locator('summary').click();
      await expect(settings.getByRole('radio', { name: 'Monge gap' })).toBeChecked();
      await settings.screenshot({ path: screenshotPath(`block-transport/${screen.name}-layer-settings`) });
      await page.locator('ul.legend').scrollIntoViewIfNeeded();
      await expect(legend(page)).toBeVisible();
      await page
        .locator('ul.legend')
        .screenshot({ path: screenshotPath(`block-transport/${screen.name}-legend`) });
      await blocks(page).scrollIntoViewIfNeeded();
      await blockTable(page);
      await expect(blocks(page).locator('tbody tr')).toHaveCount(8);
      const box = (await blocks(page).boundingBox())!;
      // Nothing sticks out sideways; the bars keep a readable width per block.
      expect(box.x + box.width).toBeLessThanOrEqual(screen.width + 0.5);
      const bars = (await blocks(page).locator('svg.block-bars').boundingBox())!;
      expect(bars.width / 8).toBeGreaterThanOrEqual(20);
      await blocks(page).screenshot({ path: screenshotPath(`block-transport/${screen.name}-blocks`) });
      if (screen.name.startsWith('desktop')) {
        // The dark theme (the page follows the system's by default) has colours of its own.
        await page.emulateMedia({ colorScheme: 'dark' });
        await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
        await lab.frames();
        await canvas(page).screenshot({ path: screenshotPath(`block-transport/${screen.name}-dark-canvas`) });
        await blocks(page).screenshot({ path: screenshotPath(`block-transport/${screen.name}-dark-blocks`) });
      }
    });
  });
}
