/**
 * Adam and SGD with momentum over the model's variables, written here rather than taken from
 * tf.train so that every hyperparameter (learning rate, betas, epsilon, momentum) is read on each step
 * (live controls change them without rebuilding anything) and epsilon is explicit on every backend.
 *
 *   Adam:  m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;
 *          p <- p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 *   SGD:   u <- mu u + g;  p <- p - lr u
 *
 * b1^t and b2^t are running products kept on the host, so a beta changed mid-run applies from then on.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerKind, TrainingSettings } from '../core/types';
import { variableFrom } from './params';

type OptimizerSettings = Pick<
  TrainingSettings,
  'optimizer' | 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum'
>;

interface Slots {
  first: tf.Variable;
  second: tf.Variable;
}

/** Optimiser state for a fixed list of variables. */
export class ParameterOptimizer {
  private readonly slots: Slots[];
  private kind: OptimizerKind | null = null;
  private beta1Power = 1;
  private beta2Power = 1;

  constructor(private readonly variables: tf.Variable[]) {
    this.slots = variables.map((v) => ({
      first: variableFrom(() => tf.zerosLike(v), false),
      second: variableFrom(() => tf.zerosLike(v), false),
    }));
  }

  /**
   * Applies one update with the given gradients (one per variable, same order). Switching the kind of
   * optimiser starts the new one from zero moments.
   */
  apply(grads: tf.Tensor[], settings: OptimizerSettings): void {
    if (settings.optimizer !== this.kind) {
      this.clearState();
      this.kind = settings.optimizer;
    }
    if (settings.optimizer === 'adam') {
      this.beta1Power *= settings.beta1;
      this.beta2Power *= settings.beta2;
    }
    tf.tidy(() => {
      const lr = tf.scalar(settings.learningRate);
      this.variables.forEach((variable, i) => {
        const g = grads[i];
        const { first, second } = this.slots[i];
        if (settings.optimizer === 'adam') {
          const m = tf.add(tf.mul(first, settings.beta1), tf.mul(g, 1 - settings.beta1));
          const v = tf.add(tf.mul(second, settings.beta2), tf.mul(tf.square(g), 1 - settings.beta2));
          first.assign(m);
          second.assign(v);
          const mHat = tf.div(m, 1 - this.beta1Power);
          const vHat = tf.div(v, 1 - this.beta2Power);
          variable.assign(
            tf.sub(variable, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), settings.epsilon))),
          );
        } else {
          const u = tf.add(tf.mul(first, settings.momentum), g);
          first.assign(u);
          variable.assign(tf.sub(variable, tf.mul(u, lr)));
        }
      });
    });
  }

  /** Forgets all moments (used on reset and when the kind of optimiser changes). */
  clearState(): void {
    for (const { first, second } of this.slots) {
      tf.tidy(() => {
        first.assign(tf.zerosLike(first));
        second.assign(tf.zerosLike(second));
      });
    }
    this.beta1Power = 1;
    this.beta2Power = 1;
    this.kind = null;
  }

  dispose(): void {
    for (const { first, second } of this.slots) {
      first.dispose();
      second.dispose();
    }
  }
}
