import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ParameterOptimizer } from './optimizer';
import { useCpuBackend } from './testing/cpuBackend';
import { TEST_SETTINGS } from './testing/fixtures';

beforeAll(useCpuBackend);

/** Gradient of f(p) = sum((p - target)^2 * scale) at p. */
const quadraticGrad = (p: tf.Tensor) => tf.tidy(() => tf.mul(tf.sub(p, [1, -2, 0.5]), [2, 0.2, 6]));

describe('ParameterOptimizer', () => {
  it('matches tf.train.adam step for step', () => {
    const ours = tf.variable(tf.tensor1d([0.3, 0.1, -0.4]));
    const theirs = tf.variable(tf.tensor1d([0.3, 0.1, -0.4]));
    const optimizer = new ParameterOptimizer(ours);
    const reference = tf.train.adam(0.05, 0.9, 0.99, 1e-7);
    for (let i = 0; i < 25; i++) {
      const g = quadraticGrad(ours);
      optimizer.apply(g, { ...TEST_SETTINGS, learningRate: 0.05, beta2: 0.99 });
      g.dispose();
      const g2 = quadraticGrad(theirs);
      reference.applyGradients([{ name: theirs.name, tensor: g2 }]);
      g2.dispose();
    }
    const a = ours.dataSync();
    const b = theirs.dataSync();
    for (let i = 0; i < 3; i++) expect(a[i]).toBeCloseTo(b[i], 5);
    tf.dispose([ours, theirs]);
    optimizer.dispose();
    reference.dispose();
  });

  it('does SGD with momentum by hand', () => {
    const p = tf.variable(tf.tensor1d([1]));
    const optimizer = new ParameterOptimizer(p);
    const settings = { ...TEST_SETTINGS, optimizer: 'sgd' as const, learningRate: 0.1, momentum: 0.5 };
    optimizer.apply(tf.tensor1d([2]), settings); // u = 2, p = 1 - 0.2 = 0.8
    optimizer.apply(tf.tensor1d([1]), settings); // u = 0.5 * 2 + 1 = 2, p = 0.8 - 0.2 = 0.6
    expect(p.dataSync()[0]).toBeCloseTo(0.6, 6);
    optimizer.apply(tf.tensor1d([0]), { ...settings, learningRate: 1 }); // u = 1, p = -0.4
    expect(p.dataSync()[0]).toBeCloseTo(-0.4, 6);
    p.dispose();
    optimizer.dispose();
  });

  it('starts a newly chosen optimiser from zero moments', () => {
    const p = tf.variable(tf.tensor1d([0]));
    const optimizer = new ParameterOptimizer(p);
    optimizer.apply(tf.tensor1d([1]), {
      ...TEST_SETTINGS,
      optimizer: 'sgd',
      learningRate: 1,
      momentum: 0.9,
    });
    optimizer.apply(tf.tensor1d([1]), { ...TEST_SETTINGS, learningRate: 0.1 });
    // First Adam step moves by lr * sign(g) whatever came before.
    expect(p.dataSync()[0]).toBeCloseTo(-1 - 0.1, 5);
    p.dispose();
    optimizer.dispose();
  });
});
