/**
 * The training objective of science.md section 3: cross-entropy plus a weighted kinetic cost
 * C = (1/d) sum_k E_k, d = 2 (mean over points and coordinates of v^2, summed over blocks).
 */
import * as tf from '@tensorflow/tfjs-core';

/** Mean softmax cross-entropy of logits [N, C] against one-hot labels [N, C]. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1)));
}

/** Share of rows whose largest logit is the label (labels int32 [N]). */
export function accuracy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
}

/** C = (1/2) sum_k E_k for per-block energies E [K]. */
export function kineticCost(energies: tf.Tensor1D): tf.Scalar {
  return tf.mul(tf.sum(energies), 0.5);
}

/**
 * The identity whose gradient is zero: the least-action multiplier uses the value of CE but must not
 * pass gradient through it (lambda is a constant of each step's loss).
 */
export const stopGradient: (x: tf.Tensor) => tf.Tensor = tf.customGrad((x) => ({
  value: tf.clone(x as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
}));
