/**
 * A run's point sets as the engine holds them: on the device (coordinates, one-hot labels, labels),
 * on the host in the same float32 form (for runs of steps in the CPU module), and the snapshot of a
 * set of weights evaluated on them, packed in the layout of src/core/snapshot.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig, PointSet } from '../core/types';
import { headLogits, runFlow } from './forward';
import { accuracy, crossEntropy, kineticCost } from './objective';
import type { ModelParams } from './params';

/** A point set on the device: coordinates [N, 2], one-hot labels [N, C], labels int32 [N]. */
export interface DevicePoints {
  x: tf.Tensor2D;
  oneHot: tf.Tensor2D;
  labels: tf.Tensor1D;
}

export function upload(points: PointSet): DevicePoints {
  const n = points.y.length;
  const labels = tf.tensor1d(Int32Array.from(points.y), 'int32');
  return {
    x: tf.tensor2d(points.x, [n, 2], 'float32'),
    oneHot: tf.tidy(() => tf.cast(tf.oneHot(labels, points.classes), 'float32') as tf.Tensor2D),
    labels,
  };
}

export function disposePoints(points: DevicePoints): void {
  tf.dispose([points.x, points.oneHot, points.labels]);
}

/** Points [n][2] and one-hot labels [n][C] of a point set, on the host, as upload() puts them on the device. */
export function hostBatch(points: PointSet, classes: number): { x: Float32Array; oneHot: Float32Array } {
  const oneHot = new Float32Array(points.y.length * classes);
  points.y.forEach((label, i) => (oneHot[i * classes + label] = 1));
  return { x: points.x, oneHot };
}

/**
 * Evaluates weights `params` on all training and test points, packed in the snapshot layout:
 * positions at every depth, losses, accuracies, C, lambda, the penalty weight, E_k, the history.
 * Call inside tidy.
 */
export function packSnapshot(
  params: ModelParams,
  model: ModelConfig,
  train: DevicePoints,
  test: DevicePoints,
  extra: { lambda: tf.Tensor; weight: tf.Tensor; history: tf.Tensor },
): tf.Tensor {
  const trainFlow = runFlow(params, model, train.x, true);
  const trainLogits = headLogits(params, trainFlow.final);
  const testFlow = runFlow(params, model, test.x, true);
  const testLogits = headLogits(params, testFlow.final);
  const metrics = tf.stack([
    crossEntropy(trainLogits, train.oneHot),
    accuracy(trainLogits, train.labels),
    crossEntropy(testLogits, test.oneHot),
    accuracy(testLogits, test.labels),
    kineticCost(trainFlow.energies),
    extra.lambda,
    extra.weight,
  ]);
  return tf.concat([
    tf.reshape(trainFlow.positions!, [-1]),
    tf.reshape(testFlow.positions!, [-1]),
    metrics,
    trainFlow.energies,
    extra.history,
  ]);
}
