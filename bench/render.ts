/**
 * Render cost per frame in headless Chromium while the worker trains at full speed and the flow
 * animation runs (so every frame draws): the main thread's work per frame (all renderers, charts,
 * thumbnails) and the transport view's draw alone, for several layer combinations, with 2,000
 * training particles (and 1,000 test particles) and K = 16.
 */
import type { Browser, Page } from 'playwright';
import type { RenderCost } from '../src/app/testHook';
import type { AllocationSite } from './heap';
import { measureHeap } from './heap';
import { median } from './stats';

export interface RenderRow {
  layers: string;
  particles: number;
  K: number;
  /** Main-thread work per frame. */
  p50_ms: number;
  p95_ms: number;
  /** The transport view's draw alone. */
  draw_p50_ms: number;
  draw_p95_ms: number;
  /** Frames per second the page reached while measuring. */
  fps: number;
  /**
   * The page's usedJSHeapSize rises summed frame to frame per second while training, MB/s (falls, i.e.
   * collections, not subtracted). usedJSHeapSize counts ArrayBuffer backing stores too, so the
   * snapshots' buffers arriving from the worker are in it as well as every object the page allocates.
   */
  heap_mb_per_s: number;
  /** Bytes of JavaScript objects the main thread allocates per second while training (garbage included; sampling profiler), MB/s. */
  allocated_mb_per_s: number;
  /** Heap growth (V8 heap and ArrayBuffer backing stores) from a forced full collection to another while training, MB/s. */
  retained_mb_per_s: number;
  /** The same allocation rate with training paused and the flow animating: the renderers' own, MB/s. */
  paused_allocated_mb_per_s: number;
  /** Heap growth per frame with training paused and the flow animating: the renderers' own allocation. */
  paused_heap_bytes_per_frame: number;
  /** The transport view's draw, p95, paused with the flow animating (every layer redrawn each frame). */
  paused_draw_p95_ms: number;
}

export const RENDER_CASES = [
  { name: 'particles', layers: 'train,test', trails: 400 },
  { name: '+ trails', layers: 'train,test,trails', trails: 400 },
  { name: '+ decision regions', layers: 'train,test,trails,regions', trails: 400 },
  { name: '+ warped grid', layers: 'train,test,trails,regions,grid', trails: 400 },
  { name: 'all: + arrows, pairings', layers: 'train,test,trails,regions,grid,field,ot,pairs', trails: 400 },
  { name: 'all, 2000 trails', layers: 'train,test,trails,regions,grid,field,ot,pairs', trails: 2000 },
] as const;

/** The case reported as `render` in the JSON: trails + grid + field + decision regions on. */
export const HEADLINE_CASE = 'all: + arrows, pairings';

interface Window {
  frames: number;
  heapBytes: number;
  seconds: number;
  frame: RenderCost;
  draw: RenderCost;
}

/**
 * Measures `seconds` of frames in the page: render statistics, frame count, and the JavaScript heap
 * growth summed over frames (growth only: collections in between are not subtracted).
 */
export function measureWindow(page: Page, seconds: number): Promise<Window> {
  return page.evaluate(async (seconds) => {
    // performance.memory is a fresh snapshot on every access (Chromium).
    const heap = () =>
      (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
    window.__lab!.resetRenderStats();
    let frames = 0;
    let heapBytes = 0;
    let last = heap();
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frames++;
      const used = heap();
      if (used > last) heapBytes += used - last;
      last = used;
    }
    return {
      frames,
      heapBytes,
      seconds: (performance.now() - started) / 1000,
      frame: window.__lab!.frameStats(),
      draw: window.__lab!.renderStats(),
    };
  }, seconds);
}

export async function benchRender(
  browser: Browser,
  baseUrl: string,
  options: {
    repeats: number;
    seconds: number;
    log: (line: string) => void;
    /** Print this many top allocation sites of the headline case (training, then paused). */
    profileSites?: number;
    /** The production build, for its source maps. */
    distDir?: string;
  },
): Promise<RenderRow[]> {
  const rows: RenderRow[] = [];
  const printSites = (title: string, sites: AllocationSite[]) => {
    options.log(`  top allocation sites, ${title} (MB/s, share of all bytes allocated):`);
    for (const s of sites)
      options.log(
        `    ${s.mb_per_s.toFixed(3).padStart(7)} ${(100 * s.share).toFixed(1).padStart(5)}%  ${s.site}`,
      );
  };
  for (const c of RENDER_CASES) {
    const sites = c.name === HEADLINE_CASE ? (options.profileSites ?? 0) : 0;
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    // The flow moves slowly from depth 3.55: every frame redraws, yet the decision regions stay those
    // of depth 4 (the nearest whole depth), so no new field layers are requested while measuring.
    const view = `layers=${c.layers}&trails=${c.trails}&depth=3.55&speed=0.1&flow=loop`;
    await page.goto(`${baseUrl}#v=2&data=spiral&n=2000&K=16&h=1/K&${view}`);
    await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Play the flow forward' }).click();
    await page.waitForTimeout(1500);
    const windows: Window[] = [];
    for (let r = 0; r < options.repeats; r++) windows.push(await measureWindow(page, options.seconds));
    const heapOptions = { sites, distDir: options.distDir };
    const training = await measureHeap(page, options.seconds, heapOptions);
    if (sites > 0) printSites(`${c.name}, training`, training.sites);
    // Paused, the frames still draw every layer (the flow animates) but no snapshot arrives: what the
    // heap grows by then is the renderers' own allocation per frame.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(500);
    const paused = await measureWindow(page, options.seconds);
    const pausedHeap = await measureHeap(page, options.seconds, heapOptions);
    if (sites > 0) printSites(`${c.name}, paused`, pausedHeap.sites);
    const state = await page.evaluate(() => window.__lab!.snapshot()!.step);
    await page.close();
    const row: RenderRow = {
      layers: c.name,
      particles: 2000,
      K: 16,
      p50_ms: median(windows.map((w) => w.frame.p50)),
      p95_ms: median(windows.map((w) => w.frame.p95)),
      draw_p50_ms: median(windows.map((w) => w.draw.p50)),
      draw_p95_ms: median(windows.map((w) => w.draw.p95)),
      fps: median(windows.map((w) => w.frames / w.seconds)),
      heap_mb_per_s: median(windows.map((w) => w.heapBytes / w.seconds / 1e6)),
      allocated_mb_per_s: training.window.allocated_mb_per_s,
      retained_mb_per_s: training.window.retained_mb_per_s,
      paused_allocated_mb_per_s: pausedHeap.window.allocated_mb_per_s,
      paused_heap_bytes_per_frame: paused.heapBytes / paused.frames,
      paused_draw_p95_ms: paused.draw.p95,
    };
    options.log(
      `  render ${c.name}: frame p50 ${row.p50_ms.toFixed(2)} ms, p95 ${row.p95_ms.toFixed(2)} ms, ` +
        `heap rises ${row.heap_mb_per_s.toFixed(2)} MB/s, allocated ${row.allocated_mb_per_s.toFixed(2)} MB/s ` +
        `(paused ${row.paused_allocated_mb_per_s.toFixed(3)}), retained ${row.retained_mb_per_s.toFixed(3)} MB/s ` +
        `(trained to step ${state})`,
    );
    rows.push(row);
  }
  return rows;
}
