/**
 * Every built-in lesson walked end to end as a student would: each step's task performed through
 * the page (the Train button, the penalty slider dragged, the depth scrubbed, compare switched on)
 * and each task seen to tick; then the player on a phone and on a projector, lessons in links,
 * import and export, and mangled lesson links.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { BUILT_IN_LESSONS } from '../src/scenario/lessons';
import { Lab } from './lab';
import { screenshotPath } from './screenshots';

type StepAction = (page: Page, lab: Lab) => Promise<void>;

const panel = (page: Page) => page.getByTestId('lesson-panel');
const task = (page: Page) => page.getByTestId('lesson-task');

/** Drags a range slider's thumb to a fraction of its track, with the mouse or a finger. */
async function dragSlider(page: Page, name: string, fraction: number, touch = false): Promise<void> {
  const slider = page.getByRole('slider', { name, exact: true });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  // The thumb's centre travels over the track minus the thumb's width (about 16 px).
  const x = box.x + 8 + fraction * (box.width - 16);
  if (touch) {
    await page.touchscreen.tap(x, y);
    return;
  }
  await page.mouse.move(box.x + 8, y);
  await page.mouse.down();
  await page.mouse.move(x, y, { steps: 8 });
  await page.mouse.up();
}

const clickTrain = (page: Page) => page.getByRole('button', { name: 'Train', exact: true }).click();
const revealAnswer = async (page: Page) => {
  await panel(page).getByRole('button', { name: 'Show the answer' }).click();
  await expect(panel(page).locator('.lesson-answer')).toBeVisible();
};

/** What a student does on each step of each lesson (steps not listed need nothing done). */
const WALKS: Record<string, Record<number, StepAction>> = {
  'transport-map': {
    0: clickTrain,
    // 1: training goes on until the test accuracy passes 90%.
    2: (page) => dragSlider(page, 'depth t', 0.5),
    3: (page) => page.getByRole('button', { name: 'Warped grid' }).click(),
    4: revealAnswer,
  },
  'displacement-bias': {
    0: clickTrain,
    // 1: the OT ratio is measured on the trained flow.
    2: revealAnswer,
    3: clickTrain,
  },
  'kinetic-penalty': {
    0: clickTrain,
    // The weight slider is log-scaled: position -0.5 is a = 10^-0.5 = 0.32.
    1: (page) => page.getByRole('slider', { name: 'penalty weight' }).fill('-0.5'),
    // 2: training goes on until C falls below 2.
    3: async (page) => {
      await clickTrain(page);
      await expect(task(page)).toHaveClass(/done/, { timeout: 60_000 });
      await revealAnswer(page);
    },
  },
  'least-action-adapts': { 0: clickTrain, 1: revealAnswer, 2: clickTrain, 3: revealAnswer },
  'continuous-flow': {
    0: clickTrain,
    1: (page) => dragSlider(page, 'depth t', 0.25),
    2: clickTrain,
    3: revealAnswer,
  },
  'little-data': {
    1: (page) => page.getByRole('button', { name: 'Compare two runs' }).click(),
    2: clickTrain,
    3: revealAnswer,
    4: async (page, lab) => {
      await lab.stopTraining();
      await page.getByRole('spinbutton', { name: 'seed' }).fill('2');
    },
  },
};

test.describe('every built-in lesson, walked through', () => {
  for (const lesson of BUILT_IN_LESSONS) {
    test(`lesson "${lesson.id}": every task ticks as a student does it`, async ({ page }) => {
      const violations: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          ((window as Window & { cspViolations?: string[] }).cspViolations ??= []).push(e.violatedDirective),
        );
      });
      const lab = new Lab(page);
      await lab.open('v=1');
      await page.getByRole('button', { name: 'Lessons' }).click();
      await page.getByRole('button', { name: `Start the lesson ${lesson.title}` }).click();
      await expect(panel(page)).toBeVisible();
      for (const [index, step] of lesson.steps.entries()) {
        await expect(page.getByTestId('lesson-progress')).toHaveText(
          `Step ${index + 1} of ${lesson.steps.length}`,
        );
        await expect(panel(page).getByRole('heading', { name: step.title })).toBeVisible();
        if (step.open !== null)
          await expect(page).toHaveURL(new RegExp(`#${step.open.replaceAll('/', '\\/')}&`));
        // The lab stays usable under the panel: the step's parts are lit and can be operated.
        for (const name of step.highlight) {
          await expect(page.locator(`[data-tour="${name}"]`).first()).toHaveAttribute('data-spotlight', '');
        }
        if (step.text.includes('$'))
          await expect(panel(page).locator('.lesson-text math').first()).toBeVisible();
        await WALKS[lesson.id][index]?.(page, lab);
        if (step.task) {
          await expect(task(page), `step ${index + 1}: ${step.task.text}`).toHaveClass(/done/, {
            timeout: 90_000,
          });
          await expect(page.getByTestId('lesson-announcer')).toHaveText(`Task done: ${step.task.text}`);
        }
        await page.screenshot({ path: screenshotPath(`lessons/${lesson.id}-${index + 1}`) });
        if (index < lesson.steps.length - 1)
          await panel(page).getByRole('button', { name: 'Next →' }).click();
      }
      await expect(page).toHaveURL(new RegExp(`lesson=${lesson.id}&step=${lesson.steps.length}$`));
      violations.push(
        ...(await page.evaluate(() => (window as Window & { cspViolations?: string[] }).cspViolations ?? [])),
      );
      expect(violations).toEqual([]);
      await expect(page.locator('.notice.error')).toHaveCount(0);
    });
  }
});
