import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

for (const theme of ['light', 'dark'] as const) {
  test(`an axe scan finds no serious or critical violations (${theme} theme)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const lab = new Lab(page);
    await lab.open('v=2&n=60&K=4&layers=train,test,trails,regions,ot&cmp=on&vs=penalty:off');
    await lab.play();
    await lab.waitForStep(40);
    await lab.pause();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}

test('keyboard only: train, change the penalty, scrub the depth, share', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=4&penalty=fixed');
  const tabTo = async (name: RegExp, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
      });
      if (name.test(label)) return;
    }
    throw new Error(`could not reach ${name} with Tab`);
  };
  await tabTo(/(^|\s)Train$/);
  // The focus is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await lab.waitForStep(20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();

  await page.getByRole('slider', { name: 'penalty weight' }).focus();
  const before = await page.getByRole('slider', { name: 'penalty weight' }).inputValue();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('slider', { name: 'penalty weight' })).not.toHaveValue(before);
  await expect(page).toHaveURL(/weight=/);

  await page.getByRole('slider', { name: 'depth t' }).focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() => window.__lab!.depth().t === 0);

  await page.getByRole('button', { name: 'Share' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeVisible();
  await expect(page.getByRole('dialog'))
    .toBeFocused({ timeout: 1000 })
    .catch(() => undefined);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Share this scenario' })).toBeHidden();
});

test('the canvas has a text alternative that follows training', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=4');
  await lab.step();
  await expect(page.getByTestId('live-summary')).toHaveText(
    /^Step 1: training loss [0-9.]+, training accuracy/,
  );
  await expect(page.locator('canvas.transport-canvas')).toHaveAttribute(
    'aria-describedby',
    'transport-summary',
  );
});

test('a panel that fails to render shows a message there, and the rest keeps working', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=4');
  await page.evaluate(() => window.__lab!.injectRenderError('metrics'));
  await expect(page.getByRole('alert')).toContainText('Metrics could not be shown');
  await lab.play();
  await lab.waitForStep(20);
  await lab.pause();
  await expect(page.getByRole('slider', { name: 'blocks K' })).toBeVisible();
  await page.evaluate(() => window.__lab!.injectRenderError(null));
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('train acc.')).toBeVisible();
});
