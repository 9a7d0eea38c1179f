import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { nodeBackendCandidates } from './nodeBackends';
import type { TrainingSettings } from '../core/types';
import { cpuStepsAvailable } from './fusedCpuSteps';
import { useCpuBackend } from './testing/cpuBackend';
import { testModel, testRun } from './testing/fixtures';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

/** Everything a run carries on: weights, moments and their powers, multiplier, records, snapshot. */
async function everything(trainer: Trainer) {
  const history = await trainer.takeHistory();
  const optimizer = await trainer.optimizerState();
  return {
    step: trainer.stepCount,
    history: Array.from(history),
    weights: await trainer.weights(),
    optimizer: { ...optimizer, first: Array.from(optimizer.first), second: Array.from(optimizer.second) },
    lambda: await trainer.multiplier(),
    snapshot: Array.from((await trainer.snapshot()).data),
  };
}

/** Trains one run with step() and one with the given stepMany() chunks; both must agree bit for bit. */
async function expectSameAsSingleSteps(overrides: Partial<TrainingSettings>, chunks: number[]) {
  const config = testRun(overrides, testModel('tanh', 0.5));
  const single = new Trainer(config);
  const many = new Trainer(config);
  expect(cpuStepsAvailable(many.engine)).toBe(true);
  for (const chunk of chunks) {
    for (let i = 0; i < chunk; i++) single.step();
    many.stepMany(chunk);
  }
  const a = await everything(single);
  const b = await everything(many);
  expect(b.step).toBe(chunks.reduce((s, c) => s + c, 0));
  expect(b.history.length).toBe(b.step * 5);
  expect(b).toEqual(a);
  single.dispose();
  many.dispose();
  return a;
}

describe('Trainer.stepMany on the CPU module', () => {
  it('equals single steps to the bit: least action updating lambda every step, full batch', async () => {
    const run = await expectSameAsSingleSteps({}, [40]);
    // The run moved: the multiplier grew and the losses changed from step to step.
    expect(run.lambda).toBeGreaterThan(1);
    expect(new Set(run.history.filter((_, i) => i % 5 === 0)).size).toBeGreaterThan(30);
  });

  it('equals single steps with mini-batches, a multiplier updated every third step and a schedule', async () => {
    await expectSameAsSingleSteps(
      { batchSize: 8, every: 3, warmup: 10, decay: 20, gradientClip: 0.05 },
      [7, 1, 25],
    );
  });

  it('equals single steps for a fixed weight and for no penalty, with SGD and momentum', async () => {
    await expectSameAsSingleSteps({ penalty: 'fixed', weight: 0.3, optimizer: 'sgd' }, [12, 12]);
    await expectSameAsSingleSteps({ penalty: 'off', batchSize: 5 }, [30]);
  });

  it('carries on from single steps and settings changed between runs of steps', async () => {
    const config = testRun({ batchSize: 8 });
    const single = new Trainer(config);
    const mixed = new Trainer(config);
    for (let i = 0; i < 10; i++) single.step();
    mixed.stepMany(4);
    for (let i = 0; i < 6; i++) mixed.step();
    // A new optimiser starts its moments afresh, in both.
    for (const t of [single, mixed])
      t.updateSettings({ optimizer: 'sgd', learningRate: 0.05, penalty: 'fixed' });
    for (let i = 0; i < 10; i++) single.step();
    mixed.stepMany(10);
    expect(await everything(mixed)).toEqual(await everything(single));
    single.dispose();
    mixed.dispose();
  });

  it('runs single steps where the module does not apply (the reference engine)', async () => {
    const config = testRun({ engine: 'reference' });
    const trainer = new Trainer(config);
    expect(cpuStepsAvailable(trainer.engine)).toBe(false);
    trainer.stepMany(5);
    expect(trainer.stepCount).toBe(5);
    expect((await trainer.takeHistory()).length).toBe(25);
    trainer.dispose();
  });
});

describe('Trainer.stepMany on the WASM backend', () => {
  beforeAll(async () => {
    expect((await selectBackend('wasm', nodeBackendCandidates())).name).toBe('wasm');
  });
  afterAll(useCpuBackend);

  it("equals single steps to the bit there too (the module reads the WASM backend's tensors)", async () => {
    expect(tf.getBackend()).toBe('wasm');
    await expectSameAsSingleSteps({ batchSize: 8, every: 2 }, [9, 16]);
  });
});
