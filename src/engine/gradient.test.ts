import { beforeAll, describe, expect, it } from 'vitest';
import type { Activation, EngineKind, PenaltyMode } from '../core/types';
import { useCpuBackend } from './testing/cpuBackend';
import { testModel, testRun } from './testing/fixtures';
import type { OracleWeights } from './testing/oracle';
import { finiteDifferenceGradient, oracleForward, toFloat64 } from './testing/oracle';
import { Trainer } from './trainer';
import { WEIGHT_NAMES } from '../core/weights';

beforeAll(useCpuBackend);

/**
 * Reads the gradient the trainer applies: one plain SGD step with learning rate 1 moves every weight
 * by exactly minus its gradient.
 */
async function appliedGradient(trainer: Trainer): Promise<{ before: OracleWeights; grad: OracleWeights }> {
  trainer.updateSettings({ optimizer: 'sgd', momentum: 0, learningRate: 1 });
  const before = toFloat64(await trainer.weights());
  trainer.step();
  const after = toFloat64(await trainer.weights());
  const grad = {} as OracleWeights;
  for (const name of WEIGHT_NAMES) grad[name] = before[name].map((w, i) => w - after[name][i]);
  return { before, grad };
}

function expectGradientsClose(actual: OracleWeights, expected: OracleWeights, trainableHead: boolean) {
  for (const name of WEIGHT_NAMES) {
    if (!trainableHead && name.startsWith('head')) {
      for (const g of actual[name]) expect(g).toBe(0);
      continue;
    }
    expected[name].forEach((g, i) => {
      expect(Math.abs(actual[name][i] - g), `${name}[${i}]: ${actual[name][i]} vs ${g}`).toBeLessThanOrEqual(
        2e-5 + 2e-3 * Math.abs(g),
      );
    });
  }
}

const ENGINES: EngineKind[] = ['fused', 'reference'];
const cases: [EngineKind, Activation, number, PenaltyMode, 'learned' | 'fixed'][] = ENGINES.flatMap(
  (engine) => [
    [engine, 'tanh', 1, 'fixed', 'learned'],
    [engine, 'tanh', 1 / 3, 'off', 'fixed'],
    [engine, 'relu', 1, 'fixed', 'fixed'],
    [engine, 'gelu', 1 / 3, 'fixed', 'learned'],
  ],
);

describe.each(cases)(
  '%s engine: gradient of the full loss (%s, h = %d, penalty %s, %s head)',
  (engine, activation, h, penalty, head) => {
    it('matches central finite differences of the float64 reference for every weight', async () => {
      const weight = 0.3;
      const trainer = new Trainer(
        testRun({ penalty: 'fixed', weight, learningRate: 0.05, engine }, testModel(activation, h, head)),
      );
      // Train a little first so that the weights (and the kinetic term) are far from the initial ones.
      for (let i = 0; i < 40; i++) trainer.step();
      trainer.updateSettings({ penalty });
      await trainer.snapshot();
      const { before, grad } = await appliedGradient(trainer);
      const { x, y } = trainer.data.train;
      const a = penalty === 'fixed' ? weight : 0;
      const loss = (w: OracleWeights) => {
        const r = oracleForward(trainer.model, w, x, y);
        return r.crossEntropy + a * r.kineticCost;
      };
      expect(oracleForward(trainer.model, before, x, y).kineticCost).toBeGreaterThan(1e-3);
      expectGradientsClose(grad, finiteDifferenceGradient(before, loss), head === 'learned');
      trainer.dispose();
    });
  },
);

describe('mini-batch gradient', () => {
  it('is the gradient of the loss on the batch the sampler chose', async () => {
    const trainer = new Trainer(testRun({ penalty: 'fixed', weight: 0.5, batchSize: 7 }));
    for (let i = 0; i < 10; i++) trainer.step();
    await trainer.snapshot();
    const { createBatchSampler } = await import('../core/batches');
    const sampler = createBatchSampler(trainer.data.train.y.length, 7, trainer.seed);
    for (let i = 0; i < 10; i++) sampler.next();
    const batch = sampler.next()!;
    const { x, y } = trainer.data.train;
    const bx = Array.from(batch).flatMap((i) => [x[2 * i], x[2 * i + 1]]);
    const by = Array.from(batch).map((i) => y[i]);
    const { before, grad } = await appliedGradient(trainer);
    const loss = (w: OracleWeights) => {
      const r = oracleForward(trainer.model, w, bx, by);
      return r.crossEntropy + 0.5 * r.kineticCost;
    };
    expectGradientsClose(grad, finiteDifferenceGradient(before, loss), true);
    trainer.dispose();
  });
});
