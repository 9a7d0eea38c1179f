/**
 * Every preset tells one story of science.md section 5; these tests train each one headless (the
 * CLI's engine: the fused step on the CPU backend) for a few hundred steps on two seeds and check
 * that the story shows, usually against the neighbouring setting the caption compares it with.
 * Thresholds leave a wide margin around what was measured (in the comments: seed 1, seed 2 at 600
 * steps).
 */
import { describe, expect, it } from 'vitest';
import { snapshotViews } from '../core/snapshot';
import { PRESETS } from '../scenario/presets';
import type { RunOutput } from './runScenario';
import { runScenario } from './runScenario';

const STEPS = 600;
/**
 * The optimiser the thresholds were measured with: a constant rate and epsilon 1e-7 (the defaults
 * before the warm-up and decay, README "Why the defaults warm up, decay and use a large epsilon"),
 * with which 600 steps tell each story. Under the default schedule the rates of the first 600 steps
 * add up to about a third of that (the presets' own limit of 2,000 steps about matches it); the
 * thresholds have not been measured there yet.
 */
const CALIBRATED_OPTIMISER = '&warmup=0&decay=0&eps=1e-7';
const SEEDS = [1, 2];

interface Story {
  output: RunOutput;
  /** Mean over particles of the largest single block's share of its path length. */
  largestStepShare: number;
}

/** Mean over particles of max_k ||x_{k+1} - x_k|| / sum_k ||x_{k+1} - x_k|| (1 for a still one). */
function largestStepShare(positions: Float32Array, blocks: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let path = 0;
    let largest = 0;
    for (let k = 0; k < blocks; k++) {
      const a = (k * n + i) * 2;
      const b = ((k + 1) * n + i) * 2;
      const step = Math.hypot(positions[b] - positions[a], positions[b + 1] - positions[a + 1]);
      path += step;
      largest = Math.max(largest, step);
    }
    sum += path > 0 ? largest / path : 1;
  }
  return sum / n;
}

/** Trains a preset's link (with `from` replaced by `to`, when given) on a seed. */
async function train(id: string, seed: number, edit?: [from: string, to: string]): Promise<Story> {
  const preset = PRESETS.find((p) => p.id === id)!;
  const link = edit ? preset.link.replace(...edit) : preset.link;
  if (edit) expect(link, `${id}: ${edit[0]}`).not.toBe(preset.link);
  const { output, trainer, snapshot } = await runScenario({
    scenario: `${link}&seed=${seed}${CALIBRATED_OPTIMISER}`,
    steps: STEPS,
    backend: 'cpu',
  });
  const views = snapshotViews(snapshot.data, snapshot.layout);
  const share = largestStepShare(views.trainPositions, trainer.model.blocks, snapshot.layout.trainPoints);
  trainer.dispose();
  expect(output.diverged, `${id}, seed ${seed}`).toBeNull();
  expect(output.engine).toBe('fused');
  return { output, largestStepShare: share };
}

describe.each(SEEDS)('the presets tell their stories (seed %i)', (seed) => {
  it('transport map: the flow carries the moons apart until a line separates them', async () => {
    const { output } = await train('transport-map', seed);
    expect(output.trainAccuracy).toBeGreaterThanOrEqual(0.97); // 1.000, 1.000
    expect(output.testAccuracy).toBeGreaterThanOrEqual(0.95); // 0.998, 0.996
    expect(output.S).toBeGreaterThan(0.01);
  });

  it('displacement bias: vanilla training pairs inputs with outputs nearly optimally', async () => {
    const { output } = await train('displacement-bias', seed);
    expect(output.penaltyWeight).toBe(0);
    expect(output.trainAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(output.otRatio).toBeGreaterThanOrEqual(0.85); // 0.967, 0.937
  });

  it('stronger penalty: weight 0.3 has a much lower C than 0.01, and XOR stays solved', async () => {
    const strong = (await train('stronger-penalty', seed)).output;
    const weak = (await train('stronger-penalty', seed, ['weight=0.3', 'weight=0.01'])).output;
    expect(strong.C).toBeLessThan(0.6 * weak.C); // 1.00 against 2.97; 0.99 against 3.99
    expect(strong.trainAccuracy).toBeGreaterThanOrEqual(0.9); // 0.987, 0.947
  });

  it('too much penalty: weight 30 leaves the spiral unsolved, with less accuracy and C than 0.3', async () => {
    const tooMuch = (await train('too-much-penalty', seed)).output;
    const enough = (await train('too-much-penalty', seed, ['weight=30', 'weight=0.3'])).output;
    expect(tooMuch.trainAccuracy).toBeLessThan(0.75); // 0.530, 0.553
    expect(tooMuch.trainAccuracy).toBeLessThan(enough.trainAccuracy - 0.2); // 0.980, 0.973
    expect(tooMuch.C).toBeLessThan(0.01 * enough.C); // 3e-5 against 0.53
  });

  it('adapts: the transport weight 1/lambda falls far lower on the checkerboard than on blobs', async () => {
    const hard = (await train('adapts-hard', seed)).output;
    const easy = (await train('adapts-easy', seed)).output;
    expect(hard.penaltyWeight).toBeCloseTo(1 / hard.lambda, 6);
    expect(hard.penaltyWeight).toBeLessThan(easy.penaltyWeight / 4); // 0.0031 against 0.080; 0.0037 against 0.036
    expect(easy.trainAccuracy).toBe(1);
  });

  it('circles: the continuous flow (h = 1/K) pays far more kinetic cost than large steps (h = 1)', async () => {
    const continuous = (await train('circles-continuous', seed)).output;
    const jump = (await train('circles-jump', seed)).output;
    expect(jump.C).toBeLessThan(continuous.C / 4); // 0.30 against 5.27; 0.40 against 5.54
    expect(jump.trainAccuracy).toBeGreaterThanOrEqual(0.95); // 1.000, 0.993
  });

  it('more blocks: with K = 32 no block carries much of a path; with K = 4 each jump is large', async () => {
    const fine = await train('more-blocks', seed);
    const coarse = await train('more-blocks', seed, ['K=32', 'K=4']);
    expect(fine.largestStepShare).toBeLessThan(0.1); // 0.053, 0.064
    expect(coarse.largestStepShare).toBeGreaterThan(2 * fine.largestStepShare); // 0.325, 0.388
    expect(fine.output.trainAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});
