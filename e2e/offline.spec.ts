/**
 * The offline app: after one visit the service worker holds the whole build, so a different share
 * link opens and trains with the server gone and the browser offline; a new build is announced and
 * taken only when the user accepts, never under a running lesson.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { recordCspViolations } from './cspViolations';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';
import { startStaticServer } from './staticServer';

const DIST = join(process.cwd(), 'dist');
const SUB_PATH = '/course/least-action-lab/';

/** Waits until the service worker is active and controls the page (the build is precached). */
async function waitUntilOffline(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    return registration.scope;
  });
}

test('after one visit a different share link opens and trains with no network', async ({ context, page }) => {
  const server = await startStaticServer(DIST, SUB_PATH);
  const app = `${server.origin}${SUB_PATH}`;
  const first = new Lab(page);
  await page.goto(`${app}#v=2&n=60&K=3`);
  await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
  // The worker's scope is the page's directory: the app works from a sub-path.
  expect(await waitUntilOffline(page)).toBe(app);
  await first.play();
  await first.waitForStep(5);
  await first.pause();

  await server.close();
  await context.setOffline(true);
  const offline = await context.newPage();
  const violations = await recordCspViolations(offline);
  const lab = new Lab(offline);
  const response = await offline.goto(`${app}?backend=wasm#v=2&data=circles&n=40&K=2&seed=7`);
  expect(response?.fromServiceWorker()).toBe(true);
  await offline.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
  // The WASM binaries and the module worker's chunks came from the offline copy.
  expect(await lab.backend()).toBe('wasm');
  await lab.play();
  const trained = await lab.waitForStep(20);
  expect(trained.step).toBeGreaterThanOrEqual(20);
  await lab.pause();
  await expect(offline.getByRole('combobox', { name: 'dataset' })).toHaveValue('circles');
  // The app stays installable offline: its manifest and every icon it names come from the copy.
  const manifest = await offline.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
    const data = (await (await fetch(link.href)).json()) as {
      name: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    const icons = await Promise.all(
      data.icons.map(async (icon) => {
        const response = await fetch(new URL(icon.src, link.href));
        return `${icon.sizes} ${icon.purpose} ${response.ok ? response.headers.get('content-type') : response.status}`;
      }),
    );
    return { name: data.name, icons };
  });
  expect(manifest).toEqual({
    name: 'Least Action Lab',
    icons: [
      '192x192 any image/png',
      '512x512 any image/png',
      '512x512 maskable image/png',
      'any any image/svg+xml',
    ],
  });
  expect(await violations()).toEqual([]);
});

test('a new build is announced and taken on the user’s click, not under a running lesson', async ({
  page,
}) => {
  // The new version: the same sources built again with one visible difference in the page.
  const next = await mkdtemp(join(tmpdir(), 'lab-next-build-'));
  await build({
    root: process.cwd(),
    logLevel: 'error',
    build: { outDir: next, emptyOutDir: true },
    plugins: [
      {
        name: 'next-version-marker',
        transformIndexHtml: () => [
          { tag: 'meta', attrs: { name: 'lab-build', content: 'next' }, injectTo: 'head' },
        ],
      },
    ],
  });
  const server = await startStaticServer(DIST);
  try {
    const lab = new Lab(page);
    await page.goto(`${server.origin}/#v=2&n=60&K=3`);
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await waitUntilOffline(page);
    await lab.play();
    await lab.waitForStep(5);
    const notice = page.getByText('A new version of Least Action Lab is ready.');
    await expect(notice).toHaveCount(0);

    server.serve(next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(notice).toBeVisible();
    await page.screenshot({ path: screenshotPath('update-notice') });
    // The lesson goes on: the page was not reloaded and training continues on the old version.
    const before = (await lab.snapshot()).step;
    await lab.waitForStep(before + 10);
    await expect(page.locator('meta[name="lab-build"]')).toHaveCount(0);
    // The new version waits for the user instead of taking over the page by itself.
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null),
    ).toBe(true);

    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('meta[name="lab-build"]')).toHaveAttribute('content', 'next');
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await expect(notice).toHaveCount(0);
  } finally {
    await server.close();
    await rm(next, { recursive: true, force: true });
  }
});
