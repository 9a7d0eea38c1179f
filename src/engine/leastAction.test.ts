import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from './testing/cpuBackend';
import { testRun } from './testing/fixtures';
import type { OracleWeights } from './testing/oracle';
import { finiteDifferenceGradient, oracleForward, toFloat64 } from './testing/oracle';
import { probe } from './testing/probe';
import { Trainer } from './trainer';
import { WEIGHT_NAMES } from '../core/weights';

beforeAll(useCpuBackend);

describe('least-action mode, step by step against a hand computation', () => {
  it('updates lambda by tau * CE_t every s steps, before the optimiser step', async () => {
    const tau = 0.5;
    const lambda0 = 2;
    const every = 2;
    const lr = 0.5;
    const trainer = new Trainer(
      testRun({ penalty: 'lap', lambda0, tau, every, optimizer: 'sgd', momentum: 0, learningRate: lr }),
    );
    const { x, y } = trainer.data.train;
    let lambda = lambda0;
    for (let t = 0; t < 6; t++) {
      const w: OracleWeights = toFloat64(await trainer.weights());
      const before = oracleForward(trainer.model, w, x, y);
      const updated = t % every === 0 ? lambda + tau * before.crossEntropy : lambda;

      trainer.step();
      const { history, metrics } = await probe(trainer);
      expect(history).toHaveLength(1);
      const row = history[0];
      expect(row.crossEntropy).toBeCloseTo(before.crossEntropy, 5);
      expect(row.kineticCost).toBeCloseTo(before.kineticCost, 6);
      expect(row.lambda).toBeCloseTo(updated, 5);
      expect(row.weight).toBeCloseTo(1 / updated, 5);
      expect(row.loss).toBeCloseTo(before.crossEntropy + before.kineticCost / updated, 5);
      expect(metrics.lambda).toBeCloseTo(updated, 5);
      expect(metrics.weight).toBeCloseTo(1 / updated, 5);

      // The step used 1/lambda after the update: w_{t+1} = w_t - lr * grad(CE + C / lambda').
      const after = toFloat64(await trainer.weights());
      const objective = (a: number) => (v: OracleWeights) => {
        const r = oracleForward(trainer.model, v, x, y);
        return r.crossEntropy + a * r.kineticCost;
      };
      const grad = finiteDifferenceGradient(w, objective(1 / updated));
      for (const name of WEIGHT_NAMES) {
        w[name].forEach((value, i) => {
          expect(Math.abs(after[name][i] - (value - lr * grad[name][i]))).toBeLessThan(
            2e-6 + 1e-4 * Math.abs(value),
          );
        });
      }
      if (t % every === 0 && t > 0) {
        // Using the multiplier from before the update would predict other weights: the test can tell.
        const stale = finiteDifferenceGradient(w, objective(1 / lambda));
        const gap = Math.max(
          ...WEIGHT_NAMES.flatMap((n) => [...stale[n]].map((g, i) => Math.abs(g - grad[n][i]))),
        );
        expect(lr * gap).toBeGreaterThan(1e-5);
      }
      lambda = updated;
    }
    expect(lambda).toBeGreaterThan(lambda0);
    trainer.dispose();
  });

  it('sets lambda = 1/a when the penalty weight is dragged, then adapts from there', async () => {
    const trainer = new Trainer(testRun({ penalty: 'lap' }));
    trainer.step();
    trainer.setMultiplier(1 / 0.25);
    const w = toFloat64(await trainer.weights());
    const ce = oracleForward(trainer.model, w, trainer.data.train.x, trainer.data.train.y).crossEntropy;
    await probe(trainer);
    trainer.step();
    const { history } = await probe(trainer);
    expect(history[0].lambda).toBeCloseTo(4 + ce, 5);
    trainer.dispose();
  });

  it('never updates lambda when s = 0, and ignores it in the other modes', async () => {
    const trainer = new Trainer(testRun({ penalty: 'lap', every: 0, lambda0: 3 }));
    for (let i = 0; i < 3; i++) trainer.step();
    let { history } = await probe(trainer);
    for (const row of history) expect(row.lambda).toBe(3);
    trainer.updateSettings({ penalty: 'fixed', weight: 0.7 });
    trainer.step();
    ({ history } = await probe(trainer));
    expect(history[0].weight).toBeCloseTo(0.7, 6);
    expect(history[0].loss).toBeCloseTo(history[0].crossEntropy + 0.7 * history[0].kineticCost, 5);
    trainer.updateSettings({ penalty: 'off' });
    trainer.step();
    ({ history } = await probe(trainer));
    expect(history[0].weight).toBe(0);
    expect(history[0].loss).toBe(history[0].crossEntropy);
    trainer.dispose();
  });

  it.each(['fused', 'reference'] as const)(
    'adds exactly tau * CE_t to lambda after a live change of lambda and tau (%s engine)',
    async (engine) => {
      const trainer = new Trainer(testRun({ penalty: 'lap', lambda0: 1, tau: 1, every: 1, engine }));
      expect(trainer.engine).toBe(engine);
      for (let i = 0; i < 3; i++) trainer.step();
      await probe(trainer);
      trainer.setMultiplier(4);
      trainer.updateSettings({ tau: 0.3 });
      // In float32, as both engines compute it: lambda_{t+1} = lambda_t + tau * CE_t, CE_t this step's.
      const f = Math.fround;
      let lambda = f(4);
      for (let t = 0; t < 4; t++) {
        if (t === 2) trainer.updateSettings({ tau: 2.5 });
        const tau = t < 2 ? 0.3 : 2.5;
        trainer.step();
        const [row] = (await probe(trainer)).history;
        const expected = f(lambda + f(f(tau) * row.crossEntropy));
        expect(row.lambda, `step ${t} after the change`).toBe(expected);
        expect(row.weight).toBe(f(1 / expected));
        lambda = expected;
      }
      trainer.dispose();
    },
  );
});
