/**
 * The forward pass of science.md section 1 in tfjs ops:
 *   x_{k+1} = x_k + h v_k(x_k),   v_k(z) = act(z W1_k + b1_k) W2_k + b2_k,   logits = x_K headW + headb.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, ModelConfig } from '../core/types';
import type { ModelParams } from './params';

const SQRT1_2 = Math.SQRT1_2;

/** The nonlinearity of the velocity fields. GELU is the exact form x Phi(x) = x (1 + erf(x / sqrt 2)) / 2. */
export function activate(z: tf.Tensor, activation: Activation): tf.Tensor {
  switch (activation) {
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'gelu':
      return tf.mul(tf.mul(z, 0.5), tf.add(tf.erf(tf.mul(z, SQRT1_2)), 1));
  }
}

/** What a pass through the residual stack produces. */
export interface FlowResult {
  /** x_K, [N, 2]. */
  final: tf.Tensor2D;
  /** E_k = mean over points of ||v_k(x_k)||^2, [K]. */
  energies: tf.Tensor1D;
  /** x_0 .. x_K, [K + 1, N, 2]; only when asked for. */
  positions?: tf.Tensor3D;
  /** v_0(x_0) .. v_{K-1}(x_{K-1}), [K, N, 2]; only when asked for. */
  velocities?: tf.Tensor3D;
}

/**
 * Carries points x [N, 2] through blocks fromBlock .. K-1 (all K by default). Call inside tf.tidy
 * (or a gradient function). Energies, positions and velocities cover the blocks actually run.
 * @param recordPositions also return every intermediate position and velocity
 */
export function runFlow(
  params: ModelParams,
  model: ModelConfig,
  x: tf.Tensor2D,
  recordPositions: boolean,
  fromBlock = 0,
): FlowResult {
  const W1 = tf.unstack(params.W1) as tf.Tensor2D[];
  const b1 = tf.unstack(params.b1);
  const W2 = tf.unstack(params.W2) as tf.Tensor2D[];
  const b2 = tf.unstack(params.b2);
  const energies: tf.Scalar[] = [];
  const positions: tf.Tensor2D[] = [x];
  const velocities: tf.Tensor2D[] = [];
  let current = x;
  for (let k = fromBlock; k < model.blocks; k++) {
    const hidden = activate(tf.add(tf.matMul(current, W1[k]), b1[k]), model.activation);
    const velocity = tf.add(tf.matMul(hidden as tf.Tensor2D, W2[k]), b2[k]) as tf.Tensor2D;
    energies.push(tf.mean(tf.sum(tf.square(velocity), 1)));
    current = tf.add(current, tf.mul(velocity, model.stepSize));
    if (recordPositions) {
      positions.push(current);
      velocities.push(velocity);
    }
  }
  return {
    final: current,
    energies: energies.length > 0 ? (tf.stack(energies) as tf.Tensor1D) : tf.zeros([0]),
    positions: recordPositions ? (tf.stack(positions) as tf.Tensor3D) : undefined,
    velocities: recordPositions && velocities.length > 0 ? (tf.stack(velocities) as tf.Tensor3D) : undefined,
  };
}

/**
 * Displacements h v_k(z) of every block at the same points z [M, 2], [K, M, 2]: the velocity field of
 * each block, evaluated in one batched computation.
 */
export function blockDisplacements(params: ModelParams, model: ModelConfig, z: tf.Tensor2D): tf.Tensor3D {
  const K = model.blocks;
  const points = tf.tile(tf.expandDims(z, 0), [K, 1, 1]) as tf.Tensor3D;
  const hidden = activate(
    tf.add(tf.matMul(points, params.W1 as tf.Tensor3D), tf.expandDims(params.b1, 1)),
    model.activation,
  ) as tf.Tensor3D;
  const velocity = tf.add(tf.matMul(hidden, params.W2 as tf.Tensor3D), tf.expandDims(params.b2, 1));
  return tf.mul(velocity, model.stepSize) as tf.Tensor3D;
}

/** logits = x_K headW + headb, [N, C]. */
export function headLogits(params: ModelParams, final: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(final, params.headW as tf.Tensor2D), params.headb);
}
