/**
 * `npm run bench [-- --json] [-- --only render|training|webgpu|phone|desktop|history|study] [-- --repeats N] [-- --seconds S] [-- --profile [N]]`:
 * training throughput (reference and fused engines on CPU and WASM in this process, on WebGPU through
 * Dawn in a child process), render cost, the phone row (a 390 x 844 page on a CPU slowed four
 * times) and the desktop start row, the training history (scrubbing latency, memory), each figure
 * the median over repeats, engines measured side by side, and the standard study sweep against one
 * process per run (bench/study.ts). Prints tables, or with --json one object with `training`,
 * `render`, `phone`, `desktop_start`, `history` and `study` keys. `--profile` (with the render rows)
 * prints the headline case's top allocation sites on the main thread, mapped to the sources
 * (bench/heap.ts). The preview server listens on BENCH_PORT (default 4174, or the next free port).
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
import type { StudyBenchRow } from './study';
import { benchPageStudy, benchStudy, studyTable } from './study';
import type { TrainingRow } from './training';
import { benchNodeBackends } from './training';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    only: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
    profile: { type: 'string' },
  },
  // `--profile` alone or `--profile 30`.
  args: process.argv
    .slice(2)
    .flatMap((a, i, all) =>
      a === '--profile' && (i + 1 >= all.length || all[i + 1].startsWith('--')) ? [a, '20'] : [a],
    ),
});
const profileSites = values.profile === undefined ? 0 : Math.max(1, Number(values.profile) || 20);
const repeats = Math.max(1, Number(values.repeats) || 3);
const seconds = Math.max(0.5, Number(values.seconds) || 3);
const log = (line: string) => console.error(line);

let training: TrainingRow[] = [];
let render: RenderRow[] = [];
let webgpuAdapter: string | null = null;
let study: StudyBenchRow[] = [];
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
const measureStudy = values.only === undefined || values.only === 'study';
if (measureStudy) {
  log('Study: the standard sweep on worker threads, and one process per run…');
  study = await benchStudy({ log });
}
if (measureRender || measurePhone || measureDesktopStart || measureHistory || measureStudy) {
  const server = await preview({
    preview: { port: Number(process.env.BENCH_PORT) || 4174, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4174/';
  // Precise memory info lets the page read its heap size between frames (allocation per frame).
  const args = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args });
  try {
    if (measureRender) {
      log('Render cost (headless Chromium, production build)…');
      render = await benchRender(browser, url, { repeats, seconds, log, profileSites, distDir: 'dist' });
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
    if (measureStudy) {
      for (const allCores of [false, true]) {
        log(`Study in the page (production build, default view${allCores ? ', all cores' : ''})…`);
        study.push(await benchPageStudy(browser, url, { allCores, log }));
      }
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
      study,
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
  if (study.length > 0) console.log(`\n${studyTable(study)}`);
  if (render.length > 0) {
    console.log(
      '\nRender, 2,000 training + 1,000 test particles, K = 16, training and flow animation running',
    );
    console.log(
      '(ms per frame; "paused": training paused, flow still animating, every layer redrawn each frame;',
    );
    console.log(
      ' heap rises: usedJSHeapSize increases summed frame to frame, snapshot buffers from the worker included;',
    );
    console.log(
      ' allocated: JS objects allocated on the main thread, garbage included; retained: growth after forced GCs)',
    );
    console.log(
      'layers                        frame p50  frame p95  draw p50  draw p95   fps  heap rises MB/s  allocated MB/s  retained MB/s  paused draw p95  paused allocated MB/s',
    );
    for (const r of render) {
      console.log(
        `${r.layers.padEnd(30)}${fixed(r.p50_ms).padStart(9)}${fixed(r.p95_ms).padStart(11)}${fixed(r.draw_p50_ms).padStart(10)}` +
          `${fixed(r.draw_p95_ms).padStart(10)}${fixed(r.fps).padStart(6)}${fixed(r.heap_mb_per_s).padStart(17)}` +
          `${fixed(r.allocated_mb_per_s).padStart(16)}${fixed(r.retained_mb_per_s, 2).padStart(15)}` +
          `${fixed(r.paused_draw_p95_ms).padStart(17)}${fixed(r.paused_allocated_mb_per_s).padStart(23)}`,
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
