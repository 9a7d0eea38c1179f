/**
 * Every screen as a user holds it: phones and tablets by touch, a desktop and a classroom projector
 * by mouse. On each: no sideways scrolling, the transport view on the first screen, training, the
 * depth, a pinch zoom and a double tap, painting own points, an axe scan, and a screenshot.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';

interface Profile {
  name: string;
  width: number;
  height: number;
  touch: boolean;
  link?: string;
}

const PROFILES: Profile[] = [
  { name: 'phone-320x640', width: 320, height: 640, touch: true },
  { name: 'phone-390x844', width: 390, height: 844, touch: true },
  { name: 'tablet-820x1180', width: 820, height: 1180, touch: true },
  { name: 'tablet-1180x820', width: 1180, height: 820, touch: true },
  { name: 'desktop-1440x900', width: 1440, height: 900, touch: false },
  { name: 'classroom-1920x1080', width: 1920, height: 1080, touch: false, link: '&class=on' },
];

const LINK = 'v=2&n=60&K=4';
const canvasOf = (page: Page) => page.locator('canvas.transport-canvas[data-run="a"]');

/** A tap on a touch screen, a click elsewhere. */
async function press(locator: Locator, touch: boolean, position?: { x: number; y: number }) {
  if (touch) await locator.tap({ position });
  else await locator.click({ position });
}

/** The canvas's centre in page pixels. */
async function canvasCentre(page: Page) {
  await canvasOf(page).scrollIntoViewIfNeeded();
  const box = (await canvasOf(page).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, size: Math.min(box.width, box.height) };
}

/** Two fingers on the canvas moving apart from `from` to `to` pixels either side of its centre. */
async function pinch(cdp: CDPSession, page: Page, from: number, to: number) {
  const c = await canvasCentre(page);
  const fingers = (d: number) => [
    { x: c.x - d, y: c.y, id: 0 },
    { x: c.x + d, y: c.y, id: 1 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(from) });
  for (let i = 1; i <= 5; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: fingers(from + ((to - from) * i) / 5),
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** One finger dragged across the canvas from left to right of its centre. */
async function paintStroke(cdp: CDPSession, page: Page) {
  const c = await canvasCentre(page);
  const at = (i: number) => [{ x: c.x - c.size / 4 + (i * c.size) / 20, y: c.y, id: 0 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function expectNoSeriousAxeViolation(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`)).toEqual([]);
}

/** Interactive elements on screen smaller than 44 x 44 CSS pixels (checkbox labels stand for their box). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'button, select, summary, [role="tab"], input[type="range"], input[type="text"], input[type="number"], label:has(> input[type="checkbox"]), .segment',
    );
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('[hidden], dialog:not([open]), .visually-hidden')) continue;
      if (r.height < 44 || (r.width < 44 && el.tagName !== 'INPUT'))
        small.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(r.width)}x${Math.round(r.height)}`,
        );
    }
    return small;
  });
}

for (const profile of PROFILES) {
  test.describe(profile.name, () => {
    test.use({
      viewport: { width: profile.width, height: profile.height },
      isMobile: profile.touch,
      hasTouch: profile.touch,
    });

    test(`${profile.name}: the view first, training, depth, pinch, drawing, axe`, async ({ page }) => {
      const lab = new Lab(page);
      await lab.open(LINK + (profile.link ?? ''));
      const cdp = await page.context().newCDPSession(page);

      const fits = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        canvasTop: document.querySelector('canvas.transport-canvas')!.getBoundingClientRect().top,
        innerHeight: window.innerHeight,
      }));
      // A phone widens its layout viewport to whatever overflows, so both are held to the screen's width.
      expect(fits.innerWidth).toBe(profile.width);
      expect(fits.scrollWidth).toBeLessThanOrEqual(fits.innerWidth);
      expect(fits.canvasTop).toBeGreaterThanOrEqual(0);
      expect(fits.canvasTop).toBeLessThan(fits.innerHeight);
      if (profile.touch) expect(await smallTargets(page)).toEqual([]);

      const menu = page.getByRole('button', { name: 'Menu' });
      if (profile.width < 900) {
        // The header's tools are in the menu; "Settings" goes down to the settings' tabs.
        await press(menu, profile.touch);
        await press(page.getByRole('button', { name: 'Settings' }), profile.touch);
        await expect(page.getByRole('tab', { name: 'Data' })).toBeFocused();
        await expect(page.getByRole('tab', { name: 'Data' })).toBeInViewport();
        await press(menu, profile.touch);
        await press(page.getByRole('button', { name: 'Presets' }), profile.touch);
        await expect(page.getByRole('dialog', { name: /preset/i })).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(page.getByRole('button', { name: 'Presets' })).toBeHidden();
      } else await expect(menu).toHaveCount(0);

      // Train, then pause, by touch or click.
      await press(page.getByRole('button', { name: 'Train', exact: true }), profile.touch);
      await lab.waitForStep(10);
      await press(page.getByRole('button', { name: 'Pause', exact: true }), profile.touch);
      await lab.waitUntilPaused();
      await lab.settle();

      // Scrub the depth: a press a fifth of the way along the slider (from the output, t = K).
      const slider = page.getByRole('slider', { name: 'depth t' });
      const sliderBox = (await slider.boundingBox())!;
      await press(slider, profile.touch, { x: sliderBox.width / 5, y: sliderBox.height / 2 });
      await page.waitForFunction(() => window.__lab!.depth().t < 2);

      // Two fingers apart zoom in; a double tap (or double click) goes back to the run's axes.
      const before = (await page.evaluate(() => window.__lab!.viewRegion()))!;
      await pinch(cdp, page, 30, 90);
      const after = (await page.evaluate(() => window.__lab!.viewRegion()))!;
      expect(after.half).toBeLessThan(before.half * 0.6);
      await expect(page.getByRole('button', { name: 'Reset view' })).toBeVisible();
      const centre = await canvasCentre(page);
      if (profile.touch) {
        await page.touchscreen.tap(centre.x, centre.y);
        await page.touchscreen.tap(centre.x, centre.y);
      } else await page.mouse.dblclick(centre.x, centre.y);
      await expect(page.getByRole('button', { name: 'Reset view' })).toBeHidden();
      expect((await page.evaluate(() => window.__lab!.viewRegion()))!.half).toBeCloseTo(before.half, 6);

      if (profile.touch) {
        // A chart's hover read-out comes with a tap too, and stays after the finger leaves.
        const chart = page.locator('.chart-host').first();
        await chart.scrollIntoViewIfNeeded();
        await chart.tap();
        await expect(page.locator('.chart-readout').first()).toHaveAttribute('visibility', 'visible');
        await expect(page.locator('.chart-readout').first()).toHaveText(/^step \d+: train /);
        await page.evaluate(() => window.scrollTo(0, 0));
      }

      await expectNoSeriousAxeViolation(page);
      await page.screenshot({
        path: screenshotPath(`devices/${profile.name}`),
        fullPage: !!process.env.FULL_PAGE,
      });

      if (profile.link?.includes('class=on')) {
        // The presentation: the view and a slim bar in type readable from the back; Escape leaves.
        await page.getByRole('button', { name: 'Present' }).click();
        const train = page.getByRole('button', { name: 'Train', exact: true });
        await expect(page.getByRole('button', { name: 'Leave presentation' })).toBeVisible();
        const sizes = await page.evaluate(() =>
          ['.playback button', '.depth-label', '.present-penalty .field-label', '.stat-value'].map((s) =>
            parseFloat(getComputedStyle(document.querySelector(s)!).fontSize),
          ),
        );
        for (const size of sizes) expect(size).toBeGreaterThanOrEqual(24);
        // The view as tall as the screen, its bars beside it, all on screen.
        const stage = await page.evaluate(() => {
          const rect = (s: string) => document.querySelector(s)!.getBoundingClientRect();
          const canvas = rect('canvas.transport-canvas');
          const bars = ['.playback', '.depth-bar', '.present-bar'].map(rect);
          return {
            canvas: canvas.height,
            bottom: Math.max(canvas.bottom, ...bars.map((b) => b.bottom)),
            barsBeside: bars.every((b) => b.left >= canvas.right),
            innerHeight: window.innerHeight,
          };
        });
        expect(stage.canvas).toBeGreaterThan(0.9 * stage.innerHeight);
        expect(stage.bottom).toBeLessThanOrEqual(stage.innerHeight);
        expect(stage.barsBeside).toBe(true);
        await expectNoSeriousAxeViolation(page);
        await page.screenshot({ path: screenshotPath(`devices/present-1920x1080`) });
        await page.keyboard.press('Escape');
        await expect(page.getByRole('button', { name: 'Leave presentation' })).toHaveCount(0);
        await expect(train).toBeVisible();
      }

      // Own data: one finger paints points where it goes.
      await page.getByRole('combobox', { name: 'dataset' }).selectOption('custom');
      await expect(page.getByTestId('own-count')).toHaveText('0 / 2000 points');
      await paintStroke(cdp, page);
      await expect(page.getByTestId('own-count')).toHaveText(/^([3-9]|1\d) \/ 2000 points$/);
    });
  });
}

test.describe('turning and resizing', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('rotating a phone and resizing the window keep the run, the depth, the zoom and the open panels', async ({
    page,
  }) => {
    const lab = new Lab(page);
    await lab.open(LINK);
    const cdp = await page.context().newCDPSession(page);
    await page.getByRole('button', { name: 'Train', exact: true }).tap();
    await lab.waitForStep(10);
    await page.getByRole('button', { name: 'Pause', exact: true }).tap();
    await lab.waitUntilPaused();
    await lab.settle();
    await page.getByRole('slider', { name: 'depth t' }).fill('1.5');
    await pinch(cdp, page, 30, 80);
    await page.getByRole('tab', { name: 'Penalty' }).tap();
    await page.getByText('Layer settings').tap();
    // The elements the page started with, to tell whether any was mounted afresh.
    await page.evaluate(() => {
      const kept = window as Window & { kept?: Element[] };
      kept.kept = [...document.querySelectorAll('canvas, .chart-host svg')];
    });
    const state = () =>
      page.evaluate(() => ({
        layout: document.querySelector('.app')!.getAttribute('data-layout'),
        run: window.__lab!.snapshot()!.runId,
        step: window.__lab!.snapshot()!.step,
        depth: window.__lab!.depth().t,
        view: window.__lab!.viewRegion(),
        kept: ((window as Window & { kept?: Element[] }).kept ?? []).every((e) => e.isConnected),
        layerSettingsOpen: document.querySelector<HTMLDetailsElement>('.layer-settings')!.open,
        overflow: document.documentElement.scrollWidth > window.innerWidth,
      }));
    const before = await state();
    expect(before).toMatchObject({ layout: 'phone', depth: 1.5, kept: true, layerSettingsOpen: true });

    for (const [width, height, layout] of [
      [844, 390, 'side'],
      [1440, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(page.locator('.app')).toHaveAttribute('data-layout', layout);
      expect(await state()).toEqual({ ...before, layout, overflow: false });
      if (layout !== 'desktop')
        await expect(page.getByRole('tab', { name: 'Penalty' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('heading', { name: 'Transport penalty' })).toBeAttached();
      await expect(page.getByRole('slider', { name: 'penalty weight' })).toBeVisible();
    }
    // On the desktop every part is shown at once, and the phone's tab comes back with the phone.
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByRole('slider', { name: 'blocks K' })).toBeVisible();
  });
});
