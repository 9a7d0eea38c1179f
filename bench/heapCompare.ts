/**
 * Heap figures of two builds side by side: `BASE_DIR=/path/to/other/checkout npx tsx src/cli/launch.ts
 * bench/heapCompare.ts` serves that checkout's dist/ and this one's at once and opens the render
 * bench's headline case in each in turn (R rounds, S-second windows, N allocation sites), printing
 * heap rises, allocation and retained growth (bench/heap.ts), training and paused. Build both first.
 */
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/chromium';
import { measureHeap } from './heap';
import { measureWindow } from './render';
import { execSync } from 'node:child_process';
const seconds = Number(process.env.S ?? 5);
const rounds = Number(process.env.R ?? 2);
const sites = Number(process.env.N ?? 0);
const builds = [
  { name: 'before', root: process.env.BASE_DIR ?? '' },
  { name: 'after', root: process.cwd() },
];
const servers = [];
for (const [i, b] of builds.entries()) {
  const server = await preview({
    root: b.root,
    preview: { port: 4420 + i, strictPort: false, host: '127.0.0.1' },
    logLevel: 'silent',
  });
  servers.push(server);
  (b as { url?: string }).url = server.resolvedUrls?.local[0];
}
const browser = await chromium.launch({
  executablePath: chromiumExecutable(),
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});
async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  const view = `layers=train,test,trails,regions,grid,field,ot,pairs&trails=400&depth=3.55&speed=0.1&flow=loop`;
  await page.goto(`${url}#v=2&data=spiral&n=2000&K=16&h=1/K&${view}`);
  await page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Play the flow forward' }).click();
  await page.waitForTimeout(1500);
  return page;
}
for (let r = 0; r < rounds; r++) {
  for (const b of builds) {
    const page = await open((b as { url?: string }).url!);
    const load = execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' ');
    const w = await measureWindow(page, seconds);
    const h = await measureHeap(page, seconds, { sites, distDir: `${b.root}/dist` });
    const snaps = await page.evaluate(() => window.__lab!.snapshot()!.step);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.waitForTimeout(500);
    const pw = await measureWindow(page, seconds);
    const ph = await measureHeap(page, seconds, { distDir: `${b.root}/dist` });
    console.log(
      `round ${r} ${b.name.padEnd(6)} load ${load} | training: rises ${(w.heapBytes / w.seconds / 1e6).toFixed(2)} MB/s, alloc ${h.window.allocated_mb_per_s.toFixed(2)} MB/s, retained ${h.window.retained_mb_per_s.toFixed(3)} MB/s, fps ${(w.frames / w.seconds).toFixed(1)}, frame p95 ${w.frame.p95.toFixed(2)} | paused: rises ${(pw.heapBytes / pw.seconds / 1e6).toFixed(3)}, alloc ${ph.window.allocated_mb_per_s.toFixed(3)} MB/s, fps ${(pw.frames / pw.seconds).toFixed(1)} | step ${snaps}`,
    );
    for (const s of h.sites)
      console.log(`    ${s.mb_per_s.toFixed(3)} ${(s.share * 100).toFixed(1)}% ${s.site}`);
    await page.close();
  }
}
await browser.close();
for (const s of servers) await s.close();
