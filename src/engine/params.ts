/**
 * The model's tfjs variables: each kind of block weight stacked over the K blocks in one tensor,
 * which roughly halves the kernels of a step (../../shared/spec/tfjs-notes.md).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from '../core/types';
import type { WeightArrays, WeightName } from '../core/weights';
import { unflattenWeights, WEIGHT_NAMES, weightShapes } from '../core/weights';

/** Variables of one model; shapes as in WeightArrays. The head is not trainable when fixed. */
export type ModelParams = Record<WeightName, tf.Variable>;

let nextId = 0;

/**
 * A variable initialised from a freshly made tensor. tf.variable(t) shares t's data but t stays a
 * tensor of its own; making t inside tidy frees it, so nothing is left behind.
 */
export function variableFrom(make: () => tf.Tensor, trainable: boolean, name?: string): tf.Variable {
  return tf.tidy(() => tf.variable(make(), trainable, name));
}

/** Creates variables holding the given weights. */
export function createParams(model: ModelConfig, weights: WeightArrays): ModelParams {
  const shapes = weightShapes(model);
  const id = nextId++;
  const make = (name: WeightName) =>
    variableFrom(
      () => tf.tensor(weights[name], shapes[name], 'float32'),
      model.head === 'learned' || !name.startsWith('head'),
      `lal${id}/${name}`,
    );
  return {
    W1: make('W1'),
    b1: make('b1'),
    W2: make('W2'),
    b2: make('b2'),
    headW: make('headW'),
    headb: make('headb'),
  };
}

/** The trainable variables, in WEIGHT_NAMES order. */
export function trainableParams(params: ModelParams): tf.Variable[] {
  return WEIGHT_NAMES.map((name) => params[name]).filter((v) => v.trainable);
}

/** Overwrites the variables with the given weights (same shapes). */
export function assignWeights(params: ModelParams, weights: WeightArrays): void {
  for (const name of WEIGHT_NAMES) {
    const variable = params[name];
    tf.tidy(() => variable.assign(tf.tensor(weights[name], variable.shape, 'float32')));
  }
}

/** Reads all weights back in one transfer. */
export async function readWeights(params: ModelParams, model: ModelConfig): Promise<WeightArrays> {
  const packed = tf.tidy(() => tf.concat(WEIGHT_NAMES.map((name) => tf.reshape(params[name], [-1]))));
  const data = (await packed.data()) as Float32Array;
  packed.dispose();
  return unflattenWeights(data, model)!;
}

export function disposeParams(params: ModelParams): void {
  for (const name of WEIGHT_NAMES) params[name].dispose();
}
