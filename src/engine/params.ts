/**
 * The model's parameters in one flat variable, theta: every weight tensor of WeightArrays
 * concatenated in WEIGHT_NAMES order (each kind of block weight stacked over the K blocks). One
 * variable means one optimiser update over one buffer, and fused kernels read a single input.
 * Per-name tensors are views made on demand (slices, inside tidy or a gradient function).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../core/types';
import type { WeightArrays, WeightName } from '../core/weights';
import {
  flattenWeights,
  unflattenWeights,
  WEIGHT_NAMES,
  weightCount,
  weightOffsets,
  weightShapes,
} from '../core/weights';

/** Per-name views of the parameters; shapes as in WeightArrays. */
export type ModelParams = Record<WeightName, tf.Tensor>;

/**
 * A variable initialised from a freshly made tensor. tf.variable(t) shares t's data but t stays a
 * tensor of its own; making t inside tidy frees it, so nothing is left behind.
 */
export function variableFrom(make: () => tf.Tensor, trainable: boolean): tf.Variable {
  return tf.tidy(() => tf.variable(make(), trainable));
}

export class ParameterStore {
  /** All weights, [P]. */
  readonly theta: tf.Variable;
  /** 1 for trainable entries, 0 for the fixed head's; null when everything trains. */
  readonly trainableMask: tf.Tensor1D | null;

  constructor(
    readonly model: ModelConfig,
    weights: WeightArrays,
  ) {
    this.theta = variableFrom(() => tf.tensor1d(flattenWeights(weights)), true);
    this.trainableMask =
      model.head === 'fixed'
        ? tf.tensor1d(
            Float32Array.from({ length: weightCount(model) }, (_, i) =>
              i < weightOffsets(model).headW ? 1 : 0,
            ),
          )
        : null;
  }

  /** Per-name views of theta (of `source` when given, e.g. inside a gradient function). Call inside tidy. */
  views(source: tf.Tensor = this.theta): ModelParams {
    const shapes = weightShapes(this.model);
    const offsets = weightOffsets(this.model);
    const out = {} as ModelParams;
    for (const name of WEIGHT_NAMES) {
      const size = shapes[name].reduce((a, b) => a * b, 1);
      out[name] = tf.reshape(tf.slice(source, offsets[name], size), shapes[name]);
    }
    return out;
  }

  /** Overwrites every weight. */
  assign(weights: WeightArrays): void {
    tf.tidy(() => this.theta.assign(tf.tensor1d(flattenWeights(weights))));
  }

  /** Reads all weights back in one transfer. */
  async read(): Promise<WeightArrays> {
    return unflattenWeights((await this.theta.data()) as Float32Array, this.model)!;
  }

  dispose(): void {
    this.theta.dispose();
    this.trainableMask?.dispose();
  }
}
