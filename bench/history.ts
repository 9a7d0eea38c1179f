/**
 * The training history: scrubbing latency in headless Chromium (production build) from an input on
 * the timeline to the frame that shows the step (and to its decision regions), at K = 16 with 2,000
 * training and 1,000 test points; and the history's memory at the largest network (K = 32, width 64,
 * 4 classes), filled over a million steps in this process.
 */
import type { Browser, Page } from 'playwright';
import { LARGEST_WEIGHT_COUNT, TrainingHistory, historyBytesBound } from '../src/worker/trainingHistory';
import { median } from './stats';

export interface HistoryRow {
  /** Scrubs measured (per repeat). */
  scrubs: number;
  /** Input to the first frame drawn at the step, ms. */
  frame_p50_ms: number;
  frame_p95_ms: number;
  /** Input to the frame with that step's decision regions, ms. */
  regions_p95_ms: number;
  /** For comparison: input to frame of one live training step (Step button), ms. */
  live_step_p50_ms: number;
  /** Kept steps when measured. */
  kept: number;
  /** The backend the page chose. */
  backend: string | null;
  /** Weights of the largest network, and its history's bytes: measured after 1e6 steps, and the bound. */
  largest_weights: number;
  largest_bytes: number;
  bound_bytes: number;
}

const SCRUBS = 40;

/** Input-to-frame latencies of SCRUBS moves of the timeline, in the page. */
function scrubLatencies(page: Page): Promise<{ frame: number[]; regions: number[] }> {
  return page.evaluate(async (scrubs) => {
    const slider = document.querySelector<HTMLInputElement>('input[aria-label="training step in view"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const frame: number[] = [];
    const regions: number[] = [];
    for (let i = 0; i < scrubs; i++) {
      await nextFrame();
      // Positions spread over the timeline, each far from the one before.
      setValue.call(slider, String((i * 379) % 1000));
      const started = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const step = window.__lab!.history().inView;
      let drawnAt = NaN;
      for (;;) {
        const now = await nextFrame();
        const lab = window.__lab!;
        if (Number.isNaN(drawnAt) && lab.history().drawn === step && lab.snapshot()!.step === step)
          drawnAt = now;
        if (!Number.isNaN(drawnAt) && lab.fields()?.step === step) {
          regions.push(now - started);
          break;
        }
      }
      frame.push(drawnAt - started);
    }
    return { frame, regions };
  }, SCRUBS);
}

/**
 * For comparison, under the same load: input to frame for a live training step (the Step button:
 * one step, then the live snapshot of the same size), `count` times.
 */
function stepLatencies(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const button = document.querySelector<HTMLButtonElement>('button[aria-label="One training step"]')!;
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const out: number[] = [];
    for (let i = 0; i < count; i++) {
      await nextFrame();
      const before = window.__lab!.snapshot()!.step;
      const started = performance.now();
      button.click();
      for (;;) {
        const now = await nextFrame();
        if (window.__lab!.snapshot()!.step > before) {
          out.push(now - started);
          break;
        }
      }
    }
    return out;
  }, count);
}

/** The history's bytes at the largest network after a million steps (every due state kept). */
function largestHistory(): { weights: number; bytes: number; bound: number } {
  const weights = LARGEST_WEIGHT_COUNT;
  const history = new TrainingHistory(1);
  for (let step = 0; step <= 1_000_000; step++) {
    if (history.due(step)) history.add({ step, weights: new Float32Array(weights), lambda: 1, weight: 1 });
  }
  return { weights, bytes: history.bytes(), bound: historyBytesBound(weights) };
}

function percentile95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

export async function benchHistory(
  browser: Browser,
  baseUrl: string,
  options: { repeats: number; log: (line: string) => void },
): Promise<HistoryRow> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  await page.goto(`${baseUrl}#v=2&data=spiral&n=2000&K=16&h=1/K&steps=400`);
  await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction(() => window.__lab!.snapshot()!.step >= 400, null, { timeout: 300_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
  const frame: number[] = [];
  const regions: number[] = [];
  const p95s: number[] = [];
  for (let r = 0; r < options.repeats; r++) {
    const run = await scrubLatencies(page);
    frame.push(...run.frame);
    regions.push(...run.regions);
    p95s.push(percentile95(run.frame));
  }
  await page.getByRole('button', { name: 'Back to live' }).click();
  const steps = await stepLatencies(page, 10);
  const kept = await page.evaluate(() => window.__lab!.history().steps.length);
  const backend = await page.evaluate(() => window.__lab!.state().backend);
  await page.close();
  const largest = largestHistory();
  const row: HistoryRow = {
    scrubs: SCRUBS,
    frame_p50_ms: median(frame),
    frame_p95_ms: median(p95s),
    regions_p95_ms: percentile95(regions),
    live_step_p50_ms: median(steps),
    kept,
    backend,
    largest_weights: largest.weights,
    largest_bytes: largest.bytes,
    bound_bytes: largest.bound,
  };
  options.log(
    `  history: scrub to frame p50 ${row.frame_p50_ms.toFixed(1)} ms, p95 ${row.frame_p95_ms.toFixed(1)} ms; ` +
      `largest history ${(row.largest_bytes / 1e6).toFixed(2)} MB (bound ${(row.bound_bytes / 1e6).toFixed(2)} MB)`,
  );
  return row;
}
