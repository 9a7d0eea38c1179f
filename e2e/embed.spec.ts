/**
 * The embedded view (embed=on) inside a page of another origin: it loads and trains in an iframe,
 * takes no focus from its host, and keeps its keyboard shortcuts to itself. The Share dialog writes
 * the iframe code.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';
import { startStaticServer } from './staticServer';

const EMBEDDED =
  'v=2&n=60&K=3&embed=on&hide=data,network,penalty,optimizer,metrics,charts&lock=on&caption=Two%20moons';

function step(frame: Frame): Promise<number> {
  return frame.evaluate(() => window.__lab?.snapshot()?.step ?? -1);
}

test('a course page on another origin embeds the app: it trains and keeps its keys to itself', async ({
  page,
  baseURL,
}) => {
  const folder = await mkdtemp(join(tmpdir(), 'lab-course-page-'));
  await writeFile(
    join(folder, 'index.html'),
    `<!doctype html><title>Course</title><h1>Week 3: transport</h1>
     <input aria-label="Notes" autofocus>
     <iframe src="${baseURL}#${EMBEDDED}" title="Least Action Lab" width="800" height="600" allow="fullscreen"></iframe>`,
  );
  const course = await startStaticServer(folder);
  try {
    await page.goto(`${course.origin}/`);
    const frame = page.frame({ url: /embed=on/ })!;
    await frame.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 90_000 });
    // The frame is a view: no header or settings, the caption, and a link to the full page.
    await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);
    await expect(frame.getByRole('heading', { name: 'Data' })).toHaveCount(0);
    await expect(frame.locator('.canvas-caption')).toHaveText('Two moons');
    await expect(frame.getByRole('slider', { name: 'depth t' })).toBeVisible();
    const open = frame.getByRole('link', { name: /Open in Least Action Lab/ });
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', 'noopener');
    await expect(open).toHaveAttribute(
      'href',
      `${baseURL}#v=2&n=60&K=3&hide=data,network,penalty,optimizer,metrics,charts&lock=on&caption=Two+moons`,
    );
    // Loading took no focus from the course page, and moved none inside the frame either (some
    // browsers let a frame's focus() take the keyboard from its host).
    await expect(page.getByRole('textbox', { name: 'Notes' })).toBeFocused();
    expect(await frame.evaluate(() => document.activeElement === document.body)).toBe(true);

    // Keys typed in the course page stay there; with the frame focused, they are the app's.
    await page.keyboard.type('s r');
    await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue('s r');
    await page.locator('h1').click();
    await page.keyboard.press('s');
    await page.locator('iframe').focus();
    await page.keyboard.press('s');
    await frame.waitForFunction(() => window.__lab!.snapshot()!.step >= 1);
    await frame.evaluate(() => window.__lab!.memory());
    expect(await step(frame)).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect((await frame.evaluate(() => window.__lab!.depth())).t).toBe(2.75);

    await frame.getByRole('button', { name: 'Train', exact: true }).click();
    await frame.waitForFunction(() => window.__lab!.snapshot()!.step >= 30);
    await page.keyboard.press(' ');
    await expect(frame.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
    await page.screenshot({ path: screenshotPath('embed-course-page') });
  } finally {
    await course.close();
    await rm(folder, { recursive: true, force: true });
  }
});

test('the Share dialog writes the iframe code in the chosen size, and the code opens an accessible view', async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const lab = new Lab(page);
  await lab.open('v=2&n=60&K=3&caption=Moons');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('tab', { name: 'Embed' }).click();
  const code = page.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toHaveValue(
    /^<iframe src="[^"]*embed=on[^"]*" title="Least Action Lab: Moons" width="640" height="480"/,
  );
  await page.getByText('Responsive 16:9').click();
  await expect(page.getByRole('radio', { name: 'Responsive 16:9' })).toBeChecked();
  await expect(code).toHaveValue(/style="width: 100%; aspect-ratio: 16 \/ 9; border: 0"/);
  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await code.inputValue());
  await page.screenshot({ path: screenshotPath('share-embed-tab') });

  // The code's link opens the embedded view with only the transport view.
  const src = /src="([^"]*)"/.exec(copied)![1].replaceAll('&amp;', '&');
  expect(src.startsWith(baseURL!)).toBe(true);
  const framed = await context.newPage();
  await framed.setViewportSize({ width: 640, height: 480 });
  const view = new Lab(framed);
  await framed.goto(src);
  await framed.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 90_000 });
  await expect(framed.getByRole('link', { name: /Open in Least Action Lab/ })).toBeVisible();
  await expect(framed.getByRole('complementary', { name: 'Settings' })).toHaveCount(0);
  await expect(framed.getByRole('complementary', { name: 'Metrics' })).toHaveCount(0);
  await view.play();
  await view.waitForStep(10);
  await view.pause();
  await framed.screenshot({ path: screenshotPath('embed-640x480') });
  const results = await new AxeBuilder({ page: framed })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
});
