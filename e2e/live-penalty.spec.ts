import { expect, test } from '@playwright/test';
import { Lab } from './lab';

test('moving the penalty slider changes the kinetic cost without resetting the step counter', async ({
  page,
}) => {
  const lab = new Lab(page);
  // A set pace keeps the run under the charts' 2,048 points, so every step's loss is still kept.
  await lab.open('v=2&data=moons&n=100&penalty=fixed&weight=0.001&pace=300');
  await lab.play();
  const before = await lab.waitForStep(300);
  expect(before.weight).toBeCloseTo(0.001, 6);

  // The weight slider moves on a log scale: 1 means a = 10.
  await page.getByRole('slider', { name: 'penalty weight' }).fill('1');
  await expect(page).toHaveURL(/&weight=10&pace=300$/);
  const changed = await lab.waitForStep(before.step + 1);
  await lab.waitForStep(changed.step + 300);
  await lab.pause();
  const after = await lab.snapshot();
  expect(after.weight).toBeCloseTo(10, 5);
  expect(after.step).toBeGreaterThan(before.step + 300);
  expect(after.kineticCost).toBeLessThan(before.kineticCost / 3);
  // Every step was recorded once: the counter never went back to zero.
  const losses = await lab.losses();
  expect(losses.length).toBe(after.step);
});

test('least-action mode shows lambda adapting, and dragging the slider sets lambda = 1/a', async ({
  page,
}) => {
  const lab = new Lab(page);
  await lab.open('v=2&data=spiral&n=100&pace=max&penalty=lap');
  await lab.play();
  const early = await lab.waitForStep(100);
  expect(early.lambda).toBeGreaterThan(1);
  expect(early.weight).toBeCloseTo(1 / early.lambda, 4);
  await lab.pause();
  const paused = await lab.snapshot();
  expect(paused.lambda).toBeGreaterThan(early.lambda);
  // The slider moves on a log scale: -1 means a = 0.1, so lambda = 10.
  await page.getByRole('slider', { name: 'penalty weight' }).fill('-1');
  await expect.poll(async () => (await lab.snapshot()).lambda).toBeCloseTo(10, 4);
  expect((await lab.snapshot()).step).toBe(paused.step);
  const stepped = await lab.step();
  // One step later lambda = 10 + tau * CE of that step: adaptation went on from the dragged value.
  expect(stepped.step).toBe(paused.step + 1);
  expect(stepped.lambda).toBeGreaterThan(10);
  expect(stepped.lambda).toBeLessThan(10 + 2 * paused.trainLoss + 0.05);
});
