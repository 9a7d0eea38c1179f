import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('a diverging run pauses with a message and offers to reset or lower the learning rate', async ({
  page,
}) => {
  const lab = new Lab(page);
  // Clipping off: it bounds every step, and this run is meant to diverge.
  await lab.open('v=2&K=16&width=64&penalty=fixed&weight=100&opt=sgd&lr=1e6&momentum=0.99&clip=0');
  await expect(page.locator('.notices')).toContainText('learning rate (lr): 1000000 is above the maximum 1');
  await lab.play();
  const diverged = page.locator('.notice.error', { hasText: 'Training diverged' });
  await expect(diverged).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  // Numbers that are not finite never reach the page as "NaN".
  await expect(page.locator('.metrics')).not.toContainText('NaN');
  await expect(page.locator('.metrics')).not.toContainText('Infinity');
  await diverged.getByRole('button', { name: 'Lower the learning rate and reset' }).click();
  await expect(page).toHaveURL(/lr=0.1(&|$)/);
  await page.waitForFunction(() => window.__lab!.snapshot()!.step === 0);
  await expect(diverged).toHaveCount(0);
});

test('a lost GPU device moves the run to the next backend from its last saved state', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=40&ntest=100&K=2&width=4', 'webgpu');
  expect(await lab.backend()).toBe('webgpu');
  for (let i = 0; i < 3; i++) await lab.step();
  const before = await lab.snapshot();
  await page.evaluate(() => window.__lab!.simulate('device-loss'));
  await expect(page.locator('.notices')).toContainText('The GPU device was lost', { timeout: 60_000 });
  await page.waitForFunction(() => window.__lab!.state().backend !== 'webgpu');
  await expect(page.getByTestId('backend-badge')).not.toContainText('WebGPU');
  await lab.settle();
  const after = await lab.snapshot();
  expect(after.step).toBe(before.step);
  expect(await lab.losses()).toHaveLength(before.step);
  await lab.step();
  expect((await lab.snapshot()).step).toBe(before.step + 1);
  expect(await lab.losses()).toHaveLength(before.step + 1);
});

test('a crashed worker is restarted from the last saved state, with a notice', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await lab.play();
  await lab.waitForStep(100);
  await lab.pause();
  const before = await lab.snapshot();
  const recorded = await lab.losses();
  await page.evaluate(() => window.__lab!.simulate('crash'));
  await expect(page.locator('.notices')).toContainText('The training worker crashed', { timeout: 20_000 });
  await expect(page.locator('.notices')).toContainText(`restarted from step ${before.step}`);
  // The new worker has answered once it has its run; its first snapshot is the saved state.
  await lab.settle();
  expect((await lab.snapshot()).step).toBe(before.step);
  // The charts keep every step up to the saved state (as recorded: long runs are decimated).
  expect(await lab.losses()).toEqual(recorded);
  await lab.step();
  expect((await lab.snapshot()).step).toBe(before.step + 1);
});

test('a worker that stops answering is detected by its missing heartbeat and restarted', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await lab.play();
  await lab.waitForStep(50);
  await page.evaluate(() => window.__lab!.simulate('hang'));
  await expect(page.locator('.notices')).toContainText('The training worker stopped responding', {
    timeout: 20_000,
  });
  // It was training, so it trains again, from its checkpoint.
  await lab.settle();
  const resumed = (await lab.snapshot()).step;
  await lab.waitForStep(resumed + 20);
});

test('training pauses while the tab is hidden and resumes when it is shown', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await lab.play();
  await lab.waitForStep(20);
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
  await setHidden(true);
  await page.waitForFunction(() => !window.__lab!.state().playing);
  // Everything the worker did before the pause has arrived; a worker still training would send more.
  await lab.settle();
  const paused = (await lab.snapshot()).step;
  await lab.frames(10);
  await lab.settle();
  expect((await lab.snapshot()).step).toBe(paused);
  await setHidden(false);
  await page.waitForFunction(() => window.__lab!.state().playing);
  await lab.waitForStep(paused + 10);
});

test('1,000 random links typed into the address bar never break the page', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3');
  await page.evaluate(async () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      'v=2',
      'data=',
      'spiral',
      'n=',
      '-5',
      'K=',
      '99',
      '&',
      '=',
      '%',
      '#',
      'lr=NaN',
      'layers=grid,x',
      'w=AAAA',
      'vs=penalty:off',
      'cmp=on',
      'caption=<b>',
      'depth=1e9',
      'h=1/K',
      '\u4e2d',
      'hide=all',
      '&&&',
    ];
    for (let i = 0; i < 1000; i++) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => pieces[Math.floor(random() * pieces.length)],
      );
      window.location.hash = parts.join(random() < 0.5 ? '&' : '');
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
  });
  await page.evaluate(() => {
    window.location.hash = 'v=2&n=60&K=3';
  });
  await page.waitForFunction(() => window.__lab!.snapshot()?.step === 0);
  await lab.play();
  await lab.waitForStep(30);
  await expect(page.getByRole('heading', { name: 'Least Action Lab' })).toBeVisible();
});
