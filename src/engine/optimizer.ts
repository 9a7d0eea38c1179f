/**
 * Adam and SGD with momentum over the flat parameter buffer, written here rather than taken from
 * tf.train so that every hyperparameter (learning rate, betas, epsilon, momentum) is read on each step
 * (live controls change them without rebuilding anything) and epsilon is explicit on every backend.
 *
 *   Adam:  m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2;
 *          p <- p - lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 *   SGD:   u <- mu u + g;  p <- p - lr u
 *
 * With gradientClip > 0, g is first scaled to length gradientClip when |g| (over all parameters) is
 * longer.
 *
 * b1^t and b2^t are running products kept on the host, so a beta changed mid-run applies from then on.
 * The moments are public so that the fused step (src/engine/fused) updates the same state.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerKind, OptimizerState, TrainingSettings } from '../core/types';
import { variableFrom } from './params';

export type OptimizerSettings = Pick<
  TrainingSettings,
  'optimizer' | 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum' | 'gradientClip'
>;

/** beta1^t and beta2^t for the step being taken (1 and 1 for SGD). */
export interface BiasPowers {
  beta1Power: number;
  beta2Power: number;
}

/** Optimiser state for one variable. */
export class ParameterOptimizer {
  /** Adam's first moment m, or SGD's velocity u; same shape as the variable. */
  readonly first: tf.Variable;
  /** Adam's second moment v (unused by SGD). */
  readonly second: tf.Variable;
  private kind: OptimizerKind | null = null;
  private beta1Power = 1;
  private beta2Power = 1;

  constructor(private readonly variable: tf.Variable) {
    this.first = variableFrom(() => tf.zerosLike(variable), false);
    this.second = variableFrom(() => tf.zerosLike(variable), false);
  }

  /**
   * Starts a step: switching the kind of optimiser clears the moments, and Adam's running powers
   * advance. Returns the powers this step's bias correction uses.
   */
  begin(settings: OptimizerSettings): BiasPowers {
    if (settings.optimizer !== this.kind) {
      this.clearState();
      this.kind = settings.optimizer;
    }
    if (settings.optimizer === 'adam') {
      this.beta1Power *= settings.beta1;
      this.beta2Power *= settings.beta2;
    }
    return { beta1Power: this.beta1Power, beta2Power: this.beta2Power };
  }

  /** Applies one update with the gradient of the variable (same shape) in composed tfjs ops. */
  apply(gradient: tf.Tensor, settings: OptimizerSettings): void {
    const { beta1Power, beta2Power } = this.begin(settings);
    const { first, second, variable } = this;
    tf.tidy(() => {
      const grad = clipByGlobalNorm(gradient, settings.gradientClip);
      const lr = tf.scalar(settings.learningRate);
      if (settings.optimizer === 'adam') {
        const m = tf.add(tf.mul(first, settings.beta1), tf.mul(grad, 1 - settings.beta1));
        const v = tf.add(tf.mul(second, settings.beta2), tf.mul(tf.square(grad), 1 - settings.beta2));
        first.assign(m);
        second.assign(v);
        const mHat = tf.div(m, 1 - beta1Power);
        const vHat = tf.div(v, 1 - beta2Power);
        variable.assign(tf.sub(variable, tf.div(tf.mul(mHat, lr), tf.add(tf.sqrt(vHat), settings.epsilon))));
      } else {
        const u = tf.add(tf.mul(first, settings.momentum), grad);
        first.assign(u);
        variable.assign(tf.sub(variable, tf.mul(u, lr)));
      }
    });
  }

  /** The moments and powers, read back (to continue exactly elsewhere). */
  async read(): Promise<OptimizerState> {
    const [first, second] = await Promise.all([this.first.data(), this.second.data()]);
    return {
      kind: this.kind,
      first: first as Float32Array,
      second: second as Float32Array,
      beta1Power: this.beta1Power,
      beta2Power: this.beta2Power,
    };
  }

  /** Continues from a state read from an optimiser of the same shape. */
  restore(state: OptimizerState): void {
    tf.tidy(() => {
      this.first.assign(tf.tensor1d(state.first));
      this.second.assign(tf.tensor1d(state.second));
    });
    this.kind = state.kind;
    this.beta1Power = state.beta1Power;
    this.beta2Power = state.beta2Power;
  }

  /** Forgets all moments (used on reset and when the kind of optimiser changes). */
  clearState(): void {
    tf.tidy(() => {
      this.first.assign(tf.zerosLike(this.first));
      this.second.assign(tf.zerosLike(this.second));
    });
    this.beta1Power = 1;
    this.beta2Power = 1;
    this.kind = null;
  }

  dispose(): void {
    this.first.dispose();
    this.second.dispose();
  }
}

/** The gradient scaled to length `clip` when it is longer (as it is when clip is 0: off). */
function clipByGlobalNorm(grad: tf.Tensor, clip: number): tf.Tensor {
  if (!(clip > 0)) return grad;
  const norm = tf.sqrt(tf.sum(tf.square(grad)));
  return tf.mul(grad, tf.minimum(1, tf.div(clip, norm)));
}
