import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { recordCspViolations } from './cspViolations';
import { Lab } from './lab';
import { startStaticServer } from './staticServer';

test('the built page runs under a CSP that forbids inline script and eval', async ({ page }) => {
  const violations = await recordCspViolations(page);
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3&layers=train,test,trails,regions,grid,field,ot');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self'/,
  );
  await lab.play();
  await lab.waitForStep(50);
  await lab.pause();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await violations()).toEqual([]);

  // What the policy is for: inline handlers and eval are refused.
  const blocked = await page.evaluate(async () => {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.__inline = 1">');
    await new Promise((r) => setTimeout(r, 100));
    let evalResult = 'allowed';
    try {
      eval('1 + 1');
    } catch (error) {
      evalResult = (error as Error).name;
    }
    return { inline: (window as Window & { __inline?: number }).__inline ?? null, evalResult };
  });
  expect(blocked).toEqual({ inline: null, evalResult: 'EvalError' });
});

test('no request leaves the page: every asset, WASM included, comes from its own origin', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
      return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3', 'wasm');
  expect(await lab.backend()).toBe('wasm');
  await lab.play();
  await lab.waitForStep(30);
  await lab.pause();
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(foreign).toEqual([]);
});

test('the build works from a sub-path of a plain static host', async ({ page }) => {
  const server = await startStaticServer(join(process.cwd(), 'dist'), '/least-action-lab/');
  try {
    await page.goto(`${server.origin}/least-action-lab/#v=2&n=60&K=3`);
    const lab = new Lab(page);
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await lab.play();
    await lab.waitForStep(20);
    expect(await lab.backend()).toBe('wasm');
  } finally {
    await server.close();
  }
});
