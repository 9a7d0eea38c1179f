/** A page object for the app: navigation, the test hook, and the controls a user touches. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { LabHook } from '../src/app/testHook';

export type Snapshot = NonNullable<ReturnType<LabHook['snapshot']>>;

/** Waits until the page has run `count` more animation frames (see Lab.frames). */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        let left = n;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    count,
  );
}

export class Lab {
  constructor(readonly page: Page) {
    page.on('pageerror', (error) => {
      throw new Error(`Uncaught error in the page: ${error.message}`);
    });
  }

  /** Opens the app on a scenario link (and optionally a forced backend) and waits for step 0. */
  async open(link: string, backend?: string): Promise<void> {
    await this.page.goto(`./${backend ? `?backend=${backend}` : ''}#${link}`);
    await this.page.waitForFunction(() => window.__lab?.snapshot() != null, null, { timeout: 90_000 });
  }

  snapshot(): Promise<Snapshot> {
    return this.page.evaluate(() => window.__lab!.snapshot()!);
  }

  backend(): Promise<string | null> {
    return this.page.evaluate(() => window.__lab!.state().backend);
  }

  /** Waits until the latest snapshot has at least `step` steps; says what the app was doing if not. */
  async waitForStep(step: number, timeout = 60_000): Promise<Snapshot> {
    try {
      await this.page.waitForFunction((s) => (window.__lab?.snapshot()?.step ?? -1) >= s, step, { timeout });
    } catch (error) {
      throw new Error(`Step ${step} was not reached. The app: ${await this.describe()}`, { cause: error });
    }
    return this.snapshot();
  }

  /** The app's state in one line, for failure messages: play state, last snapshot, notices, and
   * whether the worker still answers a command. */
  async describe(): Promise<string> {
    const app = await this.page.evaluate(async () => {
      const lab = window.__lab!;
      const answer = await Promise.race([
        lab.memory().then(() => 'answers'),
        new Promise<string>((resolve) => setTimeout(() => resolve('does not answer within 2 s'), 2000)),
      ]);
      return { state: lab.state(), snapshot: lab.snapshot(), worker: answer };
    });
    const notices = await this.page.locator('.notice').allInnerTexts();
    return JSON.stringify({ ...app, notices: notices.slice(-8) });
  }

  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Train', exact: true }).click();
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
    await this.settle();
  }

  /**
   * Waits until the worker has handled every command sent so far and its events have reached the
   * page (the paused state comes before the last snapshot and checkpoint): a probe goes through the
   * worker's command queue after them, and its answer comes back after their events.
   */
  async settle(): Promise<void> {
    await this.page.evaluate(() => window.__lab!.memory());
  }

  /** Pauses if training still runs (it may stop at its step limit first), then waits until it has. */
  async stopTraining(): Promise<void> {
    await this.page
      .getByRole('button', { name: 'Pause', exact: true })
      .click({ timeout: 2000 })
      .catch(() => undefined);
    await this.waitUntilPaused();
  }

  /** Waits until training has stopped (by itself, e.g. at its step limit, or after pause()). */
  async waitUntilPaused(): Promise<void> {
    await expect(this.page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  }

  /** Presses "Step" and waits for the snapshot of the new step. */
  async step(): Promise<Snapshot> {
    const before = (await this.snapshot()).step;
    await this.page.getByRole('button', { name: 'One training step' }).click();
    return this.waitForStep(before + 1, 90_000);
  }

  /**
   * Waits until the page has run `count` more animation frames: enough for the frame loop to draw
   * what just changed (2), or for charts that wait for a frame with room to catch up (they wait at
   * most 0.5 s: 40 frames).
   */
  frames(count = 2): Promise<void> {
    return nextFrames(this.page, count);
  }

  /** Frames enough for every deferred chart and thumbnail to have drawn the latest state. */
  static readonly CATCH_UP_FRAMES = 40;

  losses(): Promise<number[]> {
    return this.page.evaluate(() => window.__lab!.losses());
  }
}
