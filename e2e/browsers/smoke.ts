/**
 * The smoke case every engine runs at each size: open a share link, train to its step limit, check
 * the least-action multiplier against the CLI's at that step, scrub the depth to the input and back
 * to the output, wait for the view's layers and take a screenshot, open the preset gallery and close
 * it; and no page error, failed load or error notice all along.
 */
import { spawn } from 'node:child_process';
import { PRESETS } from '../../src/scenario/presets';
import type { BrowserPage } from './driver';
import { poll } from './driver';

/**
 * Two moons, K = 6, least action (the default penalty), paused by the link after STEPS steps, trained
 * as fast as possible (the default tempo would take about 16 s to get there; it does not change a step).
 */
export const STEPS = 1000;
const BLOCKS = 6;
export const LINK = `v=2&data=moons&n=100&K=${BLOCKS}&steps=${STEPS}&pace=max`;

/**
 * Relative tolerance on lambda at step STEPS. Measured: Firefox 153 and WebKitGTK 2.50 (fused WASM)
 * give the CLI's float32 exactly. One step more or less moves lambda by tau CE, about 2e-4 of it
 * here, so 1e-6 (a few float32 roundings) still catches a step out of place or a different sum.
 */
const LAMBDA_TOLERANCE = 1e-6;

export const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
export type Size = (typeof SIZES)[number];

/** What the CLI reports at step STEPS of LINK on the WASM backend (same fused WebAssembly step). */
export interface Reference {
  steps: number;
  lambda: number;
}

/** Runs `npm run train -- LINK --steps STEPS --json --backend wasm`, for at most 120 s. */
export function cliReference(): Promise<Reference> {
  return new Promise((resolve, reject) => {
    const args = ['run', '-s', 'train', '--', LINK, '--steps', String(STEPS), '--json', '--backend', 'wasm'];
    const child = spawn('npm', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`npm run train exited with ${code ?? signal}: ${err.trim()}`));
      const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Reference;
      resolve({ steps: result.steps, lambda: result.lambda });
    });
  });
}

/** The app's state in one line, for failure messages. */
function describe(page: BrowserPage): Promise<string> {
  return page.evaluate(
    () =>
      JSON.stringify({
        snapshot: window.__lab?.snapshot() ?? null,
        depth: window.__lab?.depth() ?? null,
        fields: window.__lab?.fields() ?? null,
        notices: [...document.querySelectorAll('.notice')].map((n) => n.textContent),
        errors: window.__pageErrors ?? null,
      }),
    null,
  );
}

/** What went wrong in the page so far: recorded errors, and error notices the app shows. */
async function pageProblems(page: BrowserPage): Promise<string[]> {
  return page.evaluate(
    () => [
      ...(window.__pageErrors ?? ['the error recorder did not run']),
      ...[...document.querySelectorAll('.notice.error')].map((n) => `error notice: ${n.textContent}`),
    ],
    null,
  );
}

declare global {
  interface Window {
    /** The transport view's pixels, saved to compare a later frame with. */
    __smokePixels?: Uint8ClampedArray;
  }
}

/** In the page: saves the transport view's pixels (save) or counts those that differ from them. */
function transportPixels(save: boolean): number {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas.transport-canvas')!;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  const saved = window.__smokePixels;
  if (save || !saved || saved.length !== pixels.length) {
    window.__smokePixels = pixels;
    return 0;
  }
  let differ = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] !== saved[i] || pixels[i + 1] !== saved[i + 1] || pixels[i + 2] !== saved[i + 2]) differ++;
  }
  return differ;
}

/**
 * Turns the training points off and on: their dots must have covered at least `minimum` pixels of
 * the view (an engine that drops a way of drawing them shows nothing to turn off), and the view
 * must come back as it was.
 */
async function trainingPointsDrawn(page: BrowserPage, minimum: number): Promise<number> {
  await page.evaluate(transportPixels, true);
  await page.clickButton('Training points');
  let covered = 0;
  await poll(
    `the training points covering ${minimum} pixels of the view`,
    10_000,
    async () => (covered = await page.evaluate(transportPixels, false)) >= minimum,
    async () => `turning them off changed ${covered} pixels`,
  );
  await page.clickButton('Training points');
  let differ = 0;
  await poll(
    'the view back with its training points',
    10_000,
    async () => (differ = await page.evaluate(transportPixels, false)) === 0,
    async () => `${differ} pixels differ from before; ${await describe(page)}`,
  );
  return covered;
}

/** Waits until `fn(arg)` is true in the page. */
function waitFor<A>(page: BrowserPage, what: string, timeoutMs: number, fn: (arg: A) => boolean, arg: A) {
  return poll(
    what,
    timeoutMs,
    () => page.evaluate(fn, arg),
    () => describe(page),
  );
}

/** Runs the case; resolves to a one-line account of what was measured, or throws what failed. */
export async function smokeCase(
  page: BrowserPage,
  baseUrl: string,
  size: Size,
  reference: Promise<Reference>,
  screenshot: string,
): Promise<string> {
  await page.resize(size.width, size.height);
  await page.open(`${baseUrl}?backend=wasm#${LINK}`);
  await waitFor(page, 'the first snapshot', 60_000, () => window.__lab?.snapshot() != null, null);
  const viewport = await page.evaluate(() => [window.innerWidth, window.innerHeight], null);
  if (viewport[0] !== size.width || viewport[1] !== size.height) {
    throw new Error(`the viewport is ${viewport.join(' x ')}, not ${size.width} x ${size.height}`);
  }
  const backend = await page.evaluate(() => window.__lab!.state().backend, null);
  if (backend !== 'wasm') throw new Error(`the backend is ${backend}, not wasm`);

  await page.clickButton('Train');
  const started = Date.now();
  await waitFor(page, `step ${STEPS}`, 60_000, (s) => (window.__lab!.snapshot()?.step ?? 0) >= s, STEPS);
  const seconds = (Date.now() - started) / 1000;
  const trained = await page.evaluate(() => window.__lab!.snapshot()!, null);
  if (trained.step !== STEPS) throw new Error(`training went on to step ${trained.step} past its limit`);
  const cli = await reference;
  if (cli.steps !== STEPS) throw new Error(`the CLI trained ${cli.steps} steps, not ${STEPS}`);
  const difference = Math.abs(trained.lambda - cli.lambda) / Math.abs(cli.lambda);
  if (!(difference <= LAMBDA_TOLERANCE)) {
    throw new Error(`lambda at step ${STEPS} is ${trained.lambda}, the CLI's ${cli.lambda}`);
  }

  const slider = 'input[aria-label="depth t"]';
  await page.press(slider, 'Home');
  await waitFor(page, 'depth 0 after Home', 10_000, () => window.__lab!.depth().t === 0, null);
  await page.press(slider, 'End');
  await waitFor(page, `depth ${BLOCKS} after End`, 10_000, (k) => window.__lab!.depth().t === k, BLOCKS);
  // The decision regions of the last step at the output, and its transport measures, so that the
  // screenshot shows them (those asked for at depth 0 may still be on screen until then).
  await waitFor(
    page,
    `the view's layers of step ${STEPS} at depth ${BLOCKS}`,
    30_000,
    ([s, k]) => {
      const fields = window.__lab!.fields();
      return fields?.step === s && fields.depth === k && window.__lab!.transport() != null;
    },
    [STEPS, BLOCKS],
  );
  // They reach the canvas in the frame loop's next draw: let two frames pass.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    null,
  );
  // 100 dots of radius 5 px cover 4,667 pixels at the desktop size and 2,571 at the phone's in
  // Firefox (they overlap); WebKit once drew none.
  const dots = await trainingPointsDrawn(page, 1000);
  await page.evaluate(() => document.querySelector('canvas')?.scrollIntoView({ block: 'center' }), null);
  await page.screenshot(screenshot);

  // Narrower than 900 px the header's tools fold into a menu.
  if (size.width < 900) await page.clickButton('Menu');
  await page.clickButton('Presets');
  await waitFor(
    page,
    'the preset gallery',
    10_000,
    (titles) =>
      titles.every((title) =>
        [...document.querySelectorAll('dialog[open] button')].some(
          (b) => b.getAttribute('aria-label') === `Open the preset ${title}`,
        ),
      ),
    PRESETS.map((p) => p.title),
  );
  await page.press('dialog[open] button', 'Escape');
  await waitFor(
    page,
    'the gallery closed by Escape',
    10_000,
    () => !document.querySelector('dialog[open]'),
    null,
  );

  const problems = await pageProblems(page);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const delta = difference === 0 ? 'exactly' : `within ${difference.toExponential(1)}`;
  return `${STEPS} steps in ${seconds.toFixed(1)} s, lambda ${trained.lambda.toPrecision(7)} = CLI ${delta}, training points on ${dots} px`;
}
