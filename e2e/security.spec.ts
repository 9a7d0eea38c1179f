import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('the built page runs under a CSP that forbids inline script and eval', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Window & { __violations?: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const lab = new Lab(page);
  await lab.open('v=1&n=60&K=3&layers=train,test,trails,regions,grid,field,ot');
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /script-src 'self'/,
  );
  await lab.play();
  await lab.waitForStep(50);
  await lab.pause();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => (window as Window & { __violations?: string[] }).__violations)).toEqual(
    [],
  );

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
  await lab.open('v=1&n=60&K=3', 'wasm');
  expect(await lab.backend()).toBe('wasm');
  await lab.play();
  await lab.waitForStep(30);
  await lab.pause();
  await page.getByRole('button', { name: 'Presets' }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  expect(foreign).toEqual([]);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

test('the build works from a sub-path of a plain static host', async ({ page }) => {
  const root = join(process.cwd(), 'dist');
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith('/least-action-lab/')) {
      response.writeHead(404).end();
      return;
    }
    const file = normalize(join(root, path.slice('/least-action-lab/'.length) || 'index.html'));
    try {
      const body = await readFile(file.startsWith(root) ? file : join(root, 'index.html'));
      response
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    await page.goto(`http://127.0.0.1:${port}/least-action-lab/#v=1&n=60&K=3`);
    const lab = new Lab(page);
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await lab.play();
    await lab.waitForStep(20);
    expect(await lab.backend()).toBe('wasm');
  } finally {
    server.close();
  }
});
