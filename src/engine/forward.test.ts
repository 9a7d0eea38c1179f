import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDataset } from '../core/datasets';
import type { Activation, HeadKind } from '../core/types';
import { headLogits, runFlow } from './forward';
import { ParameterStore } from './params';
import { useCpuBackend } from './testing/cpuBackend';
import { testModel, testRun } from './testing/fixtures';
import { oracleForward, toFloat64 } from './testing/oracle';
import { fixedHead, initialWeights } from '../core/weights';

beforeAll(useCpuBackend);

const cases: [Activation, number, HeadKind][] = [
  ['tanh', 1, 'learned'],
  ['relu', 1 / 3, 'learned'],
  ['gelu', 1, 'fixed'],
  ['gelu', 1 / 3, 'learned'],
];

describe.each(cases)('forward pass (%s, h = %d, %s head)', (activation, stepSize, head) => {
  it('matches the float64 reference: positions, energies and logits', () => {
    const model = testModel(activation, stepSize, head);
    const weights = initialWeights(model, 11);
    // Larger W2 than the near-identity init, so that every block moves the points visibly.
    weights.W2 = weights.W2.map((v) => v * 60);
    weights.b2 = weights.b2.map((_, i) => 0.1 * ((i % 3) - 1));
    const { train } = makeDataset(testRun().data);
    const reference = oracleForward(model, toFloat64(weights), train.x, train.y);
    const store = new ParameterStore(model, weights);
    const [positions, velocities, energies, logits] = tf.tidy(() => {
      const params = store.views();
      const flow = runFlow(params, model, tf.tensor2d(train.x, [train.y.length, 2]), true);
      return [
        flow.positions!.dataSync(),
        flow.velocities!.dataSync(),
        flow.energies.dataSync(),
        headLogits(params, flow.final).dataSync(),
      ];
    });
    store.dispose();
    const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(a.length).toBe(b.length);
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 4);
    };
    close(positions, reference.positions);
    // v_k = (x_{k+1} - x_k) / h, checked against the reference positions.
    const n = train.y.length;
    close(
      velocities,
      reference.positions
        .slice(0, model.blocks * n * 2)
        .map((x, i) => (reference.positions[i + n * 2] - x) / stepSize),
    );
    close(energies, reference.energies);
    close(logits, reference.logits);
    // The flow really moves: the last layer differs from the first.
    expect(
      Math.abs(reference.positions[reference.positions.length - 1] - train.x[train.x.length - 1]),
    ).toBeGreaterThan(1e-3);
  });
});

describe('initial weights', () => {
  it('make the untrained network near the identity', () => {
    const model = testModel();
    const reference = oracleForward(model, toFloat64(initialWeights(model, 1)), [0.3, -0.2], [0]);
    const last = reference.positions.subarray(model.blocks * 2);
    expect(Math.hypot(last[0] - 0.3, last[1] + 0.2)).toBeLessThan(0.1);
  });

  it('are determined by the seed', () => {
    const model = testModel();
    expect(initialWeights(model, 1)).toEqual(initialWeights(model, 1));
    expect(initialWeights(model, 1).W1).not.toEqual(initialWeights(model, 2).W1);
  });

  it('give the two-class fixed head the authors logits (x1 + x2 + c, 0)', () => {
    const { headW, headb } = fixedHead(2);
    const reference = oracleForward(
      { ...testModel(), blocks: 0 },
      toFloat64({ ...initialWeights(testModel(), 1), headW, headb }),
      [0.5, 0.25],
      [0],
    );
    expect(reference.logits[0]).toBeCloseTo(0.75 + headb[0], 12);
    expect(reference.logits[1]).toBe(0);
  });
});

describe('the fixed head, as the engine applies it to x_K', () => {
  // Pinned values (science.md section 1, src/engine/README.md): the decision line of two classes is
  // x1 + x2 = -2; three or four classes get logits_j = 2 <u_j, x>, u_j at pi/4 + 2 pi j / C.
  const logitsAt = (classes: number, x: number[]) =>
    tf.tidy(() => {
      const { headW, headb } = fixedHead(classes);
      const params = { headW: tf.tensor2d(headW, [2, classes]), headb: tf.tensor1d(headb) };
      return headLogits(
        params as Parameters<typeof headLogits>[0],
        tf.tensor2d(x, [x.length / 2, 2]),
      ).arraySync();
    });

  it('is (x1 + x2 + 2, 0) for two classes', () => {
    const [a, b, c] = logitsAt(2, [0.5, 0.25, -1.5, -0.5, 0, 0]);
    expect(a[0]).toBeCloseTo(2.75, 6);
    expect(a[1]).toBe(0);
    expect(b[0]).toBeCloseTo(0, 6); // on the decision line x1 + x2 = -2
    expect(c).toEqual([2, 0]);
  });

  it('is 2 <u_j, x> for three and four classes (sectors meeting at the origin)', () => {
    const [three] = logitsAt(3, [0.5, 0.25]);
    [1.0606601717798214, -0.8365163037378077, -0.22414386804201392].forEach((v, j) =>
      expect(three[j]).toBeCloseTo(v, 6),
    );
    const [four] = logitsAt(4, [0.5, 0.25]);
    [1.0606601717798214, -0.3535533905932737, -1.0606601717798214, 0.3535533905932735].forEach((v, j) =>
      expect(four[j]).toBeCloseTo(v, 6),
    );
    expect(logitsAt(4, [0, 0])[0]).toEqual([0, 0, 0, 0]);
  });
});
