import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { VIEW_LAYERS } from '../src/scenario/schema';
import { Lab, nextFrames } from './lab';

const canvas = (page: Page) => page.locator('canvas.transport-canvas');

/** Waits until the worker has answered the view's current needs (field layers, transport). */
async function settled(page: Page, layers: readonly string[]): Promise<void> {
  if (layers.some((l) => l === 'regions' || l === 'grid' || l === 'field')) {
    await page.waitForFunction(() => window.__lab!.fields() !== null);
  }
  if (layers.includes('ot')) await page.waitForFunction(() => window.__lab!.transport() !== null);
  await nextFrames(page);
}

test('toggling each layer changes the pixels of the canvas', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=150&K=6&pace=max&layers=&depth=3');
  await lab.play();
  await lab.waitForStep(200);
  await lab.pause();
  for (const layer of VIEW_LAYERS) {
    await settled(page, []);
    const before = await canvas(page).screenshot();
    const toggle = page.getByRole('button', { name: labelOf(layer), exact: true });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await settled(page, [layer]);
    const after = await canvas(page).screenshot();
    expect(after.equals(before), `layer ${layer} changed nothing`).toBe(false);
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  }
});

function labelOf(layer: string): string {
  return {
    train: 'Training points',
    test: 'Test points',
    trails: 'Trails',
    regions: 'Decision regions',
    grid: 'Warped grid',
    field: 'Velocity arrows',
    ot: 'Optimal pairing',
    pairs: 'Network pairing',
  }[layer]!;
}

/** Colours of the canvas pixels at the given plane points. */
async function pixelsAt(page: Page, points: number[]): Promise<number[][]> {
  return page.evaluate((xy) => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.transport-canvas')!;
    const region = window.__lab!.viewRegion()!;
    const size = Math.min(c.width, c.height);
    const scale = size / (2 * region.half);
    const ctx = c.getContext('2d')!;
    const out: number[][] = [];
    for (let i = 0; i < xy.length; i += 2) {
      const x = Math.round(c.width / 2 + (xy[i] - region.cx) * scale);
      const y = Math.round(c.height / 2 - (xy[i + 1] - region.cy) * scale);
      out.push(Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3)));
    }
    return out;
  }, points);
}

const isBackground = (rgb: number[]) => rgb.every((v) => v > 235);

test('the depth scrubber at 0 and at K shows the input cloud and the output cloud', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=circles&n=60&K=4&pace=max&layers=train');
  await lab.play();
  await lab.waitForStep(300);
  await lab.pause();
  const depth = page.getByRole('slider', { name: 'depth t' });
  const [x0, xK] = await page.evaluate(() => [window.__lab!.layer(0), window.__lab!.layer(4)]);
  // Particles that moved more than a few pixels' worth, so that input and output spots differ.
  const movers: number[] = [];
  for (let i = 0; i < x0.length / 2 && movers.length < 10; i++) {
    if (Math.hypot(xK[2 * i] - x0[2 * i], xK[2 * i + 1] - x0[2 * i + 1]) > 0.3) movers.push(i);
  }
  expect(movers.length).toBeGreaterThan(3);
  const pick = (layer: number[]) => movers.flatMap((i) => [layer[2 * i], layer[2 * i + 1]]);

  await depth.fill('0');
  await expect(page.getByTestId('depth')).toHaveText('0.00');
  await lab.frames();
  expect((await pixelsAt(page, pick(x0))).every((p) => !isBackground(p))).toBe(true);

  await depth.fill('4');
  await expect(page.getByTestId('depth')).toHaveText('4.00');
  await lab.frames();
  expect((await pixelsAt(page, pick(xK))).every((p) => !isBackground(p))).toBe(true);
  // Where the inputs were, most of the plane is now empty.
  const vacated = (await pixelsAt(page, pick(x0))).filter(isBackground).length;
  expect(vacated).toBeGreaterThan(movers.length / 2);
});

test('clicking a thumbnail sets the depth, and the flow plays forward and back', async ({ page }) => {
  const lab = new Lab(page);
  // Slow enough, and looping rather than bouncing, that "Stop the flow" is still the forward button
  // when it is clicked.
  await lab.open('v=2&data=moons&n=100&K=6&speed=2&flow=loop');
  await page.getByRole('button', { name: 'Show depth 3, after block 3' }).click();
  expect((await page.evaluate(() => window.__lab!.depth())).t).toBe(3);
  await expect(page.getByTestId('depth')).toHaveText('3.00');
  await expect(page.getByRole('button', { name: 'Show depth 3, after block 3' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(page).toHaveURL(/depth=3(&|$)/);

  await page.getByRole('button', { name: 'Play the flow forward' }).click();
  await page.waitForFunction(() => window.__lab!.depth().t > 4);
  await page.getByRole('button', { name: 'Stop the flow' }).click();
  const stopped = await page.evaluate(() => window.__lab!.depth());
  expect(stopped.direction).toBe(0);
  await page.getByRole('button', { name: 'Play the flow backward' }).click();
  await page.waitForFunction((t) => window.__lab!.depth().t < t - 0.5, stopped.t);
});

test('with reduced motion the flow steps through whole depths instead of moving', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=100&K=4&depth=0&speed=20&flow=once');
  await expect(page.getByText('Reduced motion: the flow steps through whole depths.')).toBeVisible();
  await page.getByRole('button', { name: 'Play the flow forward' }).click();
  const seen = await page.evaluate(async () => {
    const depths = new Set<number>();
    const end = performance.now() + 4000;
    while (performance.now() < end && window.__lab!.depth().t < 4) {
      depths.add(window.__lab!.depth().t);
      await new Promise((r) => requestAnimationFrame(r));
    }
    depths.add(window.__lab!.depth().t);
    return [...depths];
  });
  expect(seen.every((t) => Number.isInteger(t))).toBe(true);
  expect(seen).toContain(4);
  expect(seen.length).toBeGreaterThanOrEqual(4);
});

test('wheel zooms, the view can be reset, and the decision regions follow the view', async ({ page }) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=moons&n=100&K=4');
  await page.waitForFunction(() => window.__lab!.fields() !== null);
  const before = await page.evaluate(() => window.__lab!.viewRegion()!);
  await canvas(page).hover();
  await page.mouse.wheel(0, -300);
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeVisible();
  const zoomed = await page.evaluate(() => window.__lab!.viewRegion()!);
  expect(zoomed.half).toBeLessThan(before.half / 1.5);
  await page.waitForFunction((half) => Math.abs(window.__lab!.fields()!.half - half) < 1e-9, zoomed.half);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeHidden();
  expect(await page.evaluate(() => window.__lab!.viewRegion()!)).toEqual(before);
});
