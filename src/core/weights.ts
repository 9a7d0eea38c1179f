/**
 * Model weights as plain arrays (no tfjs): the exchange format of dumps, links and recovery.
 * Layouts are row-major and match the forward pass z W1_k + b1_k with z a row vector:
 * v_k(z) = act(z W1_k + b1_k) W2_k + b2_k, logits = x_K headW + headb.
 */
import { createRandomStream } from './random';
import type { ModelConfig } from './types';

export interface WeightArrays {
  /** [K][2][width] */
  W1: Float32Array;
  /** [K][width] */
  b1: Float32Array;
  /** [K][width][2] */
  W2: Float32Array;
  /** [K][2] */
  b2: Float32Array;
  /** [2][C] */
  headW: Float32Array;
  /** [C] */
  headb: Float32Array;
}

/** Names of the weight tensors, in a fixed order. */
export const WEIGHT_NAMES = ['W1', 'b1', 'W2', 'b2', 'headW', 'headb'] as const;
export type WeightName = (typeof WEIGHT_NAMES)[number];

/** Shapes of every weight tensor of a model. */
export function weightShapes(model: ModelConfig): Record<WeightName, number[]> {
  const { blocks: K, width: W, classes: C } = model;
  return { W1: [K, 2, W], b1: [K, W], W2: [K, W, 2], b2: [K, 2], headW: [2, C], headb: [C] };
}

/** Standard deviation of the initial first-layer weights W1 (inputs are of unit scale). */
export const INIT_W1_STD = 1;
/** Standard deviation of the initial hidden biases b1, spreading the kinks over the data. */
export const INIT_B1_STD = 0.5;
/** Standard deviation of the initial W2: small, so the untrained network is near the identity. */
export const INIT_W2_STD = 0.01;
/** Offset c of the fixed two-class head logits = (x1 + x2 + c, 0): its decision line is x1 + x2 = -c. */
export const FIXED_HEAD_OFFSET = 2;
/** Scale of the fixed head for three or more classes (see fixedHead). */
export const FIXED_SECTOR_HEAD_SCALE = 2;

function normalArray(length: number, std: number, seed: number, stream: string): Float32Array {
  const rng = createRandomStream(seed, stream);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = std * rng.normal();
  return out;
}

/**
 * The frozen head. Two classes: the authors' logits = (x1 + x2 + c, 0), a line far from the data
 * that one class must be carried across. Three or more: logits_j = s <u_j, x> with u_j the unit vector
 * at angle pi/4 + 2 pi j / C, which splits the plane into C sectors meeting at the origin.
 */
export function fixedHead(classes: number): { headW: Float32Array; headb: Float32Array } {
  const headW = new Float32Array(2 * classes);
  const headb = new Float32Array(classes);
  if (classes === 2) {
    headW[0] = 1; // row 0 (x1), column 0
    headW[2] = 1; // row 1 (x2), column 0
    headb[0] = FIXED_HEAD_OFFSET;
    return { headW, headb };
  }
  for (let j = 0; j < classes; j++) {
    const angle = Math.PI / 4 + (2 * Math.PI * j) / classes;
    headW[j] = FIXED_SECTOR_HEAD_SCALE * Math.cos(angle);
    headW[classes + j] = FIXED_SECTOR_HEAD_SCALE * Math.sin(angle);
  }
  return { headW, headb };
}

/**
 * Initial weights, drawn from the scenario seed (streams "init/W1", "init/b1", "init/W2",
 * "init/head") in float64 and rounded to float32, so every backend starts from the same numbers.
 * b2 starts at zero and the learned head's bias too.
 */
export function initialWeights(model: ModelConfig, seed: number): WeightArrays {
  const { blocks: K, width: W, classes: C } = model;
  const head =
    model.head === 'fixed'
      ? fixedHead(C)
      : { headW: normalArray(2 * C, 1 / Math.SQRT2, seed, 'init/head'), headb: new Float32Array(C) };
  return {
    W1: normalArray(K * 2 * W, INIT_W1_STD, seed, 'init/W1'),
    b1: normalArray(K * W, INIT_B1_STD, seed, 'init/b1'),
    W2: normalArray(K * W * 2, INIT_W2_STD, seed, 'init/W2'),
    b2: new Float32Array(K * 2),
    ...head,
  };
}

/** Where each weight tensor starts in the flat array of all weights (WEIGHT_NAMES order). */
export function weightOffsets(model: ModelConfig): Record<WeightName, number> {
  const shapes = weightShapes(model);
  const out = {} as Record<WeightName, number>;
  let offset = 0;
  for (const name of WEIGHT_NAMES) {
    out[name] = offset;
    offset += shapes[name].reduce((a, b) => a * b, 1);
  }
  return out;
}

/** Number of weights of a model (all tensors together). */
export function weightCount(model: ModelConfig): number {
  const shapes = weightShapes(model);
  return WEIGHT_NAMES.reduce((sum, name) => sum + shapes[name].reduce((a, b) => a * b, 1), 0);
}

/** All weights in one array, tensors in WEIGHT_NAMES order. */
export function flattenWeights(weights: WeightArrays): Float32Array {
  const out = new Float32Array(WEIGHT_NAMES.reduce((sum, name) => sum + weights[name].length, 0));
  let offset = 0;
  for (const name of WEIGHT_NAMES) {
    out.set(weights[name], offset);
    offset += weights[name].length;
  }
  return out;
}

/** The inverse of flattenWeights for a model; null when the length does not fit the model. */
export function unflattenWeights(flat: Float32Array, model: ModelConfig): WeightArrays | null {
  if (flat.length !== weightCount(model)) return null;
  const shapes = weightShapes(model);
  const out = {} as WeightArrays;
  let offset = 0;
  for (const name of WEIGHT_NAMES) {
    const size = shapes[name].reduce((a, b) => a * b, 1);
    out[name] = flat.slice(offset, offset + size);
    offset += size;
  }
  return out;
}
