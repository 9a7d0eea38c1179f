import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from './testing/cpuBackend';
import { testModel, testRun } from './testing/fixtures';
import { probe } from './testing/probe';
import { Trainer } from './trainer';

beforeAll(useCpuBackend);

async function losses(trainer: Trainer, steps: number): Promise<number[]> {
  for (let i = 0; i < steps; i++) trainer.step();
  return (await probe(trainer)).history.map((r) => r.loss);
}

describe('trainer', () => {
  it('gives identical first 50 losses for the same scenario (full batch and mini-batch)', async () => {
    for (const batchSize of [0, 8]) {
      const a = new Trainer(testRun({ batchSize }));
      const b = new Trainer(testRun({ batchSize }));
      const la = await losses(a, 50);
      expect(la).toEqual(await losses(b, 50));
      expect(new Set(la).size).toBeGreaterThan(40);
      a.dispose();
      b.dispose();
    }
  });

  it('trains the same run on either engine: 50 mini-batch losses agree to float32 rounding', async () => {
    const fused = new Trainer(testRun({ batchSize: 8, engine: 'fused' }));
    const reference = new Trainer(testRun({ batchSize: 8, engine: 'reference' }));
    expect(fused.engine).toBe('fused');
    expect(reference.engine).toBe('reference');
    const a = await losses(fused, 50);
    const b = await losses(reference, 50);
    a.forEach((loss, i) => expect(Math.abs(loss - b[i]) / b[i]).toBeLessThan(1e-4));
    fused.dispose();
    reference.dispose();
  });

  it('gives different losses for a different seed', async () => {
    const a = new Trainer(testRun());
    const b = new Trainer({ ...testRun(), seed: 4 });
    expect(await losses(a, 5)).not.toEqual(await losses(b, 5));
    a.dispose();
    b.dispose();
  });

  it('returns to the same initial state on reset', async () => {
    const trainer = new Trainer(testRun({ batchSize: 8 }));
    const first = await losses(trainer, 20);
    const w0 = await trainer.weights();
    trainer.reset();
    expect(trainer.stepCount).toBe(0);
    expect(await losses(trainer, 20)).toEqual(first);
    trainer.reset();
    expect(await trainer.weights()).not.toEqual(w0);
    trainer.dispose();
  });

  it('learns moons: the training loss falls and accuracy rises', async () => {
    const trainer = new Trainer({
      ...testRun({ penalty: 'fixed', weight: 0.01 }),
      model: { ...testModel(), width: 16, blocks: 4 },
    });
    const start = (await probe(trainer)).metrics;
    for (let i = 0; i < 300; i++) trainer.step();
    const end = (await probe(trainer)).metrics;
    expect(end.trainLoss).toBeLessThan(start.trainLoss * 0.5);
    expect(end.trainAccuracy).toBeGreaterThan(0.9);
    trainer.dispose();
  });

  it('keeps the step count and weights through live changes', async () => {
    const trainer = new Trainer(testRun());
    for (let i = 0; i < 5; i++) trainer.step();
    const w = await trainer.weights();
    trainer.updateSettings({
      penalty: 'fixed',
      weight: 2,
      learningRate: 0.001,
      batchSize: 5,
      optimizer: 'sgd',
    });
    expect(trainer.stepCount).toBe(5);
    expect(await trainer.weights()).toEqual(w);
    trainer.step();
    expect(trainer.stepCount).toBe(6);
    trainer.dispose();
  });

  it('does not grow tf.memory().numTensors over 200 steps with live changes, engine switches and 5 resets', async () => {
    const baseline = tf.memory().numTensors;
    const trainer = new Trainer(testRun({ batchSize: 6 }));
    await probe(trainer);
    const settled = tf.memory().numTensors;
    const changes = [
      { penalty: 'fixed' as const, weight: 0.5 },
      { learningRate: 0.002 },
      { optimizer: 'sgd' as const, momentum: 0.5 },
      { batchSize: 0 },
      { penalty: 'lap' as const, lambda0: 3 },
      { optimizer: 'adam' as const, beta1: 0.8 },
      { penalty: 'off' as const, engine: 'reference' as const },
      { engine: 'fused' as const },
    ];
    for (let i = 0; i < 200; i++) {
      if (i % 10 === 0) trainer.updateSettings(changes[(i / 10) % changes.length]);
      if (i % 17 === 0) trainer.setMultiplier(1 + i);
      if (i % 40 === 39) trainer.reset();
      trainer.step();
      if (i % 10 === 9) {
        await probe(trainer);
        expect(tf.memory().numTensors).toBe(settled);
      }
    }
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
