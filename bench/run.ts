/**
 * `npm run bench [-- --json] [-- --only render|training|webgpu|phone|desktop|history] [-- --repeats N] [-- --seconds S]`:
 * training throughput (reference and fused engines on CPU and WASM in this process, on WebGPU through
 * Dawn in a child process), render cost, the phone row (a 390 x 844 page on a CPU slowed four
 * times) and the desktop start row, and the training history (scrubbing latency, memory), each figure
 * the median over repeats, engines measured side by side. Prints tables, or with --json one object
 * with `training`, `render`, `phone`, `desktop_start` and `history` keys.
 */
import { spawn } from 'node:child_process';
import { chromium } from 'playwright';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable, softwareVulkanEnv } from '../e2e/chromium';
import type { HistoryRow } from './history';
import { benchHistory } from './history';
import type { PhoneRow } from './phone';
import { benchPhone, DESKTOP, PHONE } from './phone';
import type { RenderRow } from './render';
import { benchRender, HEADLINE_CASE } from './render';
import { trainingTable } from './report';
import { fixed } from './stats';
import type { TrainingRow } from './training';
import { benchNodeBackends } from './training';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
  },
});
const repeats = Math.max(1, Number(values.repeats) || 3);
const seconds = Math.max(0.5, Number(values.seconds) || 3);
const log = (line: string) => console.error(line);

let training: TrainingRow[] = [];
let render: RenderRow[] = [];
let webgpuAdapter: string | null = null;
let phone: PhoneRow | null = null;
let desktop: PhoneRow | null = null;
let history: HistoryRow | null = null;

/**
 * bench/gpu.ts in a child process: Dawn needs its Vulkan driver in the environment at start (without
 * a GPU driver named, Chromium's software one).
 */
function benchWebGPU(): Promise<{ adapter: string; training: TrainingRow[] }> {
  const env = { ...process.env, ...(process.env.VK_ICD_FILENAMES ? {} : softwareVulkanEnv()) };
  const args = [
    'src/cli/launch.ts',
    'bench/gpu.ts',
    '--json',
    '--repeats',
    String(repeats),
    '--seconds',
    String(seconds),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the WebGPU benchmark exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
    });
  });
}

if (values.only === undefined || values.only === 'training') {
  log('Training throughput (Node: CPU and WASM)…');
  training = await benchNodeBackends({ repeats, seconds, log });
}
if (values.only === undefined || values.only === 'training' || values.only === 'webgpu') {
  log('Training throughput (Node: WebGPU through Dawn)…');
  try {
    const result = await benchWebGPU();
    webgpuAdapter = result.adapter;
    training = [...training, ...result.training];
  } catch (error) {
    log(`  WebGPU not measured: ${(error as Error).message}`);
  }
}
const measureRender = values.only === undefined || values.only === 'render';
const measurePhone = values.only === undefined || values.only === 'phone';
const measureDesktopStart = values.only === undefined || values.only === 'desktop';
const measureHistory = values.only === undefined || values.only === 'history';
if (measureRender || measurePhone || measureDesktopStart || measureHistory) {
  const server = await preview({
    preview: { port: 4174, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4174/';
  // Precise memory info lets the page read its heap size between frames (allocation per frame).
  const args = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args });
  try {
    if (measureRender) {
      log('Render cost (headless Chromium, production build)…');
      render = await benchRender(browser, url, { repeats, seconds, log });
    }
    if (measurePhone) {
      log(`Phone (${PHONE.width} x ${PHONE.height}, CPU slowed ${PHONE.cpuSlowdown}x)…`);
      phone = await benchPhone(browser, url, { repeats, seconds, log });
    }
    if (measureDesktopStart) {
      log(`Desktop (${DESKTOP.width} x ${DESKTOP.height}, this machine's speed)…`);
      desktop = await benchPhone(browser, url, { repeats, seconds, log }, DESKTOP);
    }
    if (measureHistory) {
      log('Training history (headless Chromium, production build; memory in this process)…');
      history = await benchHistory(browser, url, { repeats, log });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

const headline = render.find((r) => r.layers === HEADLINE_CASE);
if (values.json) {
  console.log(
    JSON.stringify({
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      repeats,
      seconds,
      webgpu_adapter: webgpuAdapter,
      training,
      render: headline
        ? { particles: headline.particles, K: headline.K, p50_ms: headline.p50_ms, p95_ms: headline.p95_ms }
        : null,
      render_cases: render,
      phone,
      desktop_start: desktop,
      history,
    }),
  );
} else {
  if (training.length > 0) {
    console.log(`\n${trainingTable(training)}`);
    if (webgpuAdapter) console.log(`(webgpu: Dawn in Node, adapter "${webgpuAdapter}")`);
  }
  if (render.length > 0) {
    console.log(
      '\nRender, 2,000 training + 1,000 test particles, K = 16, training and flow animation running',
    );
    console.log(
      '(ms per frame; "paused": training paused, flow still animating, every layer redrawn each frame)',
    );
    console.log(
      'layers                        frame p50  frame p95  draw p50  draw p95   fps  heap MB/s  paused draw p95  paused heap B/frame',
    );
    for (const r of render) {
      console.log(
        `${r.layers.padEnd(30)}${fixed(r.p50_ms).padStart(9)}${fixed(r.p95_ms).padStart(11)}${fixed(r.draw_p50_ms).padStart(10)}` +
          `${fixed(r.draw_p95_ms).padStart(10)}${fixed(r.fps).padStart(6)}${fixed(r.heap_mb_per_s).padStart(11)}` +
          `${fixed(r.paused_draw_p95_ms).padStart(17)}${fixed(r.paused_heap_bytes_per_frame).padStart(21)}`,
      );
    }
  }
  const startRows: [string, PhoneRow | null][] = [
    ["Desktop: default scenario training on opening, this machine's speed", desktop],
    [
      `Phone: default scenario training on opening, at DPR ${PHONE.dpr}, CPU slowed ${PHONE.cpuSlowdown}x`,
      phone,
    ],
  ];
  for (const [title, row] of startRows) {
    if (!row) continue;
    console.log(`\n${title} (${row.viewport})`);
    console.log('first particles  moving   frame p50  frame p95  draw p95   fps  steps/s');
    console.log(
      `${`${fixed(row.first_particles_ms, 4)} ms`.padEnd(17)}${`${fixed(row.moving_ms, 4)} ms`.padEnd(9)}` +
        `${fixed(row.p50_ms).padStart(9)}${fixed(row.p95_ms).padStart(11)}${fixed(row.draw_p95_ms).padStart(10)}` +
        `${fixed(row.fps).padStart(6)}${fixed(row.steps_per_s, 4).padStart(9)}`,
    );
  }
}
if (history && !values.json) {
  console.log(
    '\nTraining history, 2,000 training + 1,000 test particles, K = 16, regions on (ms from input)',
  );
  console.log(
    `scrub to frame p50 ${fixed(history.frame_p50_ms)}, p95 ${fixed(history.frame_p95_ms)}; ` +
      `to its regions p95 ${fixed(history.regions_p95_ms)}; a live step p50 ${fixed(history.live_step_p50_ms)} ` +
      `(${history.scrubs} scrubs x ${repeats}, ${history.kept} steps kept, ${history.backend})`,
  );
  console.log(
    `memory at K = 32, width 64 (${history.largest_weights} weights): ${fixed(history.largest_bytes / 1e6)} MB ` +
      `after 1e6 steps, bound ${fixed(history.bound_bytes / 1e6)} MB`,
  );
}
process.exit(0);
