import { expect, test } from '@playwright/test';
import { Lab } from './lab';

/**
 * Memory stays flat while the app trains for a long time with live changes: the worker's tfjs tensor
 * count never grows, and the page's heap settles. `npm test` soaks for 40 seconds; `npm run soak`
 * for ten minutes (SOAK_SECONDS).
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 40);

test(`memory stays flat over a ${SECONDS}-second soak with live changes`, async ({ page }) => {
  test.setTimeout((SECONDS + 120) * 1000);
  const lab = new Lab(page);
  await lab.open('v=2&data=spiral&n=300&K=8&layers=train,test,trails,regions,grid,field,ot');
  await lab.play();
  await lab.waitForStep(200);
  const samples: { at: number; step: number; numTensors: number; heapBytes: number }[] = [];
  const started = Date.now();
  const weights = ['-2', '-1', '0'];
  let i = 0;
  while (Date.now() - started < SECONDS * 1000) {
    await page.waitForTimeout(Math.min(5000, SECONDS * 200));
    // A live change now and then, as a person exploring would make.
    await page
      .getByRole('group', { name: 'penalty' })
      .getByText(i % 2 === 0 ? 'Fixed' : 'Least action')
      .click();
    if (i % 2 === 0) await page.getByRole('slider', { name: 'penalty weight' }).fill(weights[i % 3]);
    i++;
    // Sampled while paused, when the per-step values kept on the device between snapshots are read.
    await lab.pause();
    const memory = await page.evaluate(() => window.__lab!.memory());
    samples.push({ at: (Date.now() - started) / 1000, step: (await lab.snapshot()).step, ...memory });
    await lab.play();
  }
  console.log(
    `soak over ${SECONDS} s: ` +
      samples
        .map(
          (s) =>
            `t=${s.at.toFixed(0)}s step ${s.step} tensors ${s.numTensors} heap ${(s.heapBytes / 1e6).toFixed(1)} MB`,
        )
        .join('; '),
  );
  expect(samples.length).toBeGreaterThan(3);
  expect(samples.at(-1)!.step).toBeGreaterThan(samples[0].step);
  // The worker holds the same tensors throughout.
  expect(new Set(samples.map((s) => s.numTensors)).size).toBe(1);
  // The page's heap does not keep growing: the second half's peak stays near the first half's.
  const half = Math.floor(samples.length / 2);
  const peak = (part: typeof samples) => Math.max(...part.map((s) => s.heapBytes));
  expect(peak(samples.slice(half))).toBeLessThan(peak(samples.slice(0, half)) * 1.5 + 8e6);
});
