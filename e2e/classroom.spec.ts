import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('classroom flags hide the parts they name, lock the settings and show the caption', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open(
    'v=2&class=on&hide=data,optimizer,charts,layers&lock=on&caption=Watch%20the%20moons%20separate',
  );
  await expect(page.locator('.app')).toHaveClass(/classroom/);
  await expect(page.getByRole('heading', { name: 'Data' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Optimiser' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Layers' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Loss/ })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Kinetic cost/ })).toBeHidden();
  await expect(page.locator('.stats')).toBeVisible();
  await expect(page.locator('.canvas-caption')).toHaveText('Watch the moons separate');
  await expect(page.getByText('Settings are locked for this lesson.')).toBeVisible();
  await expect(page.getByRole('slider', { name: 'blocks K' })).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'Classroom' })).toHaveCount(0);
  // Training and the view stay usable.
  await lab.play();
  await lab.waitForStep(5);
  await lab.pause();
  await expect(page.getByRole('slider', { name: 'depth t' })).toBeEnabled();
});

test('a caption is shown as text, never as markup', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open(`v=2&caption=${encodeURIComponent('<img src=x onerror="window.hacked=1">bold?')}`);
  await expect(page.locator('.canvas-caption')).toHaveText('<img src=x onerror="window.hacked=1">bold?');
  expect(await page.evaluate(() => (window as Window & { hacked?: number }).hacked)).toBeUndefined();
});

test('keyboard shortcuts: space, arrows, s, r and ?', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=4&depth=2');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('s');
  await lab.waitForStep(1);
  await page.keyboard.press('ArrowRight');
  expect((await page.evaluate(() => window.__lab!.depth())).t).toBe(2.25);
  await page.keyboard.press('Shift+ArrowLeft');
  expect((await page.evaluate(() => window.__lab!.depth())).t).toBe(1.25);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await lab.waitForStep(20);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await page.keyboard.press('r');
  await page.waitForFunction(() => window.__lab!.snapshot()!.step === 0);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('the classroom settings write the link', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2');
  const classroom = page.getByRole('group', { name: 'classroom mode' });
  await classroom.getByText('On').click();
  await page.getByRole('group', { name: 'hidden parts' }).getByLabel('Charts').check();
  await page.getByRole('textbox', { name: 'caption' }).fill('Hello class');
  await expect(page).toHaveURL(/class=on&hide=charts&caption=Hello(\+|%20)class/);
  await expect(page.locator('.app')).toHaveClass(/classroom/);
});
