/** A page object for the app: navigation, the test hook, and the controls a user touches. */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { LabHook } from '../src/ui/testHook';

export type Snapshot = NonNullable<ReturnType<LabHook['snapshot']>>;

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

  /** Waits until the latest snapshot has at least `step` steps. */
  async waitForStep(step: number, timeout = 60_000): Promise<Snapshot> {
    await this.page.waitForFunction((s) => (window.__lab?.snapshot()?.step ?? -1) >= s, step, { timeout });
    return this.snapshot();
  }

  async play(): Promise<void> {
    await this.page.getByRole('button', { name: 'Train', exact: true }).click();
  }

  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(this.page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
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

  losses(): Promise<number[]> {
    return this.page.evaluate(() => window.__lab!.losses());
  }
}
