import { expect, test } from '@playwright/test';
import { PRESETS } from '../src/scenario/presets';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';

/** Steps trained before each preset's screenshot: enough to see its story begin. */
const STEPS = 300;

for (const preset of PRESETS) {
  test(`preset "${preset.id}" loads from its link, trains, and re-encodes to itself`, async ({ page }) => {
    const lab = new Lab(page);
    await lab.open(preset.link);
    expect(new URL(page.url()).hash).toBe(`#${preset.link}`);
    // Presets start training on their own (play=on).
    const trained = await lab.waitForStep(STEPS, 90_000);
    expect(Number.isFinite(trained.trainLoss)).toBe(true);
    await lab.stopTraining();
    // Nothing in the link needed fixing and nothing went wrong. (A preset with a step limit may reach
    // it before the pause lands and say so: that notice is information.)
    await expect(page.locator('.notice.warning, .notice.error')).toHaveCount(0);
    await lab.frames(Lab.CATCH_UP_FRAMES);
    await page.locator('.stage').screenshot({ path: screenshotPath(`presets/${preset.id}`) });
  });
}

test('the gallery opens a preset, with its caption, and Back returns to the previous scenario', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=xor&n=50');
  await page.getByRole('button', { name: 'Presets' }).click();
  const preset = PRESETS[0];
  await page.getByRole('button', { name: `Open the preset ${preset.title}` }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('.canvas-caption')).toHaveText(preset.title);
  await expect(page).toHaveURL(new RegExp(`#${preset.link.replaceAll('/', '\\/')}&caption=`));
  await expect(page.getByRole('combobox', { name: 'dataset' })).toHaveValue('moons');
  await page.goBack();
  await expect(page).toHaveURL(/#v=2&data=xor&n=50$/);
  await expect(page.getByRole('combobox', { name: 'dataset' })).toHaveValue('xor');
  await page.goForward();
  await expect(page.getByRole('combobox', { name: 'dataset' })).toHaveValue('moons');
});
