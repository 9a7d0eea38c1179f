/**
 * The phone row: the default scenario (training on opening) at 390 x 844 CSS pixels, device pixel
 * ratio 3 and touch, with Chromium's CPU slowed four times (CDP Emulation.setCPUThrottlingRate).
 * Per page load: the time from navigation to the first frame that shows particles (step 0) and to
 * the first that shows them moving (a snapshot with step > 0), then the main thread's work per
 * frame while the worker trains and the flow animates, as in the render rows.
 */
import type { Browser } from 'playwright';
import { measureWindow } from './render';
import { median } from './stats';

/** A screen the start and frame rows are measured on. */
export interface ScreenProfile {
  width: number;
  height: number;
  dpr: number;
  cpuSlowdown: number;
  mobile: boolean;
}

export const PHONE: ScreenProfile = { width: 390, height: 844, dpr: 3, cpuSlowdown: 4, mobile: true };
/** The same measurement on this machine's own speed at a desktop size (the start target, 2 s). */
export const DESKTOP: ScreenProfile = { width: 1440, height: 900, dpr: 1, cpuSlowdown: 1, mobile: false };

export interface PhoneRow {
  viewport: string;
  dpr: number;
  cpu_slowdown: number;
  /** Navigation start to the first frame drawn with a snapshot (step 0, the untrained flow). */
  first_particles_ms: number;
  /** Navigation start to the first frame drawn with a snapshot of step > 0. */
  moving_ms: number;
  /** Main-thread work per frame, training and flow animation running. */
  p50_ms: number;
  p95_ms: number;
  /** The transport view's draw alone. */
  draw_p95_ms: number;
  fps: number;
  /** Training steps per second the worker reached while the frames were measured. */
  steps_per_s: number;
}

interface StartMarks {
  particles: number;
  moving: number;
}

/** The console line the page writes once particles move: `START_MARK {particles, moving}`. */
const START_MARK = 'least-action-lab:start';

/**
 * Runs in the page before the app: in every animation frame (the same frames the app draws in),
 * notes when the app first holds a snapshot and first holds one past step 0 (performance.now() is
 * milliseconds since navigation start), then reports both on the console. Nothing else is asked of
 * the page until then: a Playwright evaluation would first load Playwright's own script into it,
 * which takes the main thread for most of a second at this CPU speed.
 */
function watchStart(mark: string): void {
  let particles = NaN;
  const tick = () => {
    const step = window.__lab?.snapshot()?.step;
    if (step !== undefined && Number.isNaN(particles)) particles = performance.now();
    if (step !== undefined && step > 0)
      console.log(mark, JSON.stringify({ particles, moving: performance.now() }));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function benchPhone(
  browser: Browser,
  baseUrl: string,
  options: { repeats: number; seconds: number; log: (line: string) => void },
  screen: ScreenProfile = PHONE,
): Promise<PhoneRow> {
  const PHONE = screen;
  const loads: StartMarks[] = [];
  const windows: Awaited<ReturnType<typeof measureWindow>>[] = [];
  const rates: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    // A fresh context each time: nothing cached from the previous load (a phone opening a link).
    const context = await browser.newContext({
      viewport: { width: PHONE.width, height: PHONE.height },
      deviceScaleFactor: PHONE.dpr,
      isMobile: PHONE.mobile,
      hasTouch: PHONE.mobile,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    await page.addInitScript(watchStart, START_MARK);
    const started = page.waitForEvent('console', {
      predicate: (message) => message.text().startsWith(START_MARK),
      timeout: 120_000,
    });
    await page.goto(`${baseUrl}#v=2&play=on`);
    const marks = JSON.parse((await started).text().slice(START_MARK.length)) as StartMarks;
    loads.push(marks);
    // The flow animates so that every frame draws, as in the render rows. The event goes to the
    // button itself: in today's layout at this width another panel covers it.
    await page.getByRole('button', { name: 'Play the flow forward' }).dispatchEvent('click');
    await page.waitForTimeout(1500);
    const before = await page.evaluate(() => ({
      step: window.__lab!.snapshot()!.step,
      at: performance.now(),
    }));
    windows.push(await measureWindow(page, options.seconds));
    const after = await page.evaluate(() => ({
      step: window.__lab!.snapshot()!.step,
      at: performance.now(),
    }));
    rates.push(((after.step - before.step) / (after.at - before.at)) * 1000);
    await context.close();
    options.log(
      `  ${PHONE.mobile ? 'phone' : 'desktop'} load ${r + 1}: particles at ${marks.particles.toFixed(0)} ms, moving at ${marks.moving.toFixed(0)} ms, ` +
        `frame p95 ${windows[r].frame.p95.toFixed(2)} ms`,
    );
  }
  return {
    viewport: `${PHONE.width}x${PHONE.height}`,
    dpr: PHONE.dpr,
    cpu_slowdown: PHONE.cpuSlowdown,
    first_particles_ms: median(loads.map((m) => m.particles)),
    moving_ms: median(loads.map((m) => m.moving)),
    p50_ms: median(windows.map((w) => w.frame.p50)),
    p95_ms: median(windows.map((w) => w.frame.p95)),
    draw_p95_ms: median(windows.map((w) => w.draw.p95)),
    fps: median(windows.map((w) => w.frames / w.seconds)),
    steps_per_s: median(rates),
  };
}
