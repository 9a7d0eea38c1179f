/**
 * A float64 re-implementation of the model and loss of science.md in plain loops, written
 * independently of the tfjs code, as the reference for tests (forward values and finite differences).
 */
import type { Activation, ModelConfig } from '../../core/types';
import type { WeightArrays } from '../../core/weights';

/** Float64 weights with the layouts of WeightArrays. */
export type OracleWeights = Record<keyof WeightArrays, Float64Array>;

export function toFloat64(weights: WeightArrays): OracleWeights {
  return {
    W1: Float64Array.from(weights.W1),
    b1: Float64Array.from(weights.b1),
    W2: Float64Array.from(weights.W2),
    b2: Float64Array.from(weights.b2),
    headW: Float64Array.from(weights.headW),
    headb: Float64Array.from(weights.headb),
  };
}

function erf(x: number): number {
  // Abramowitz-Stegun 7.1.26 is too coarse for finite differences; use the series / continued fraction.
  const ax = Math.abs(x);
  if (ax < 3) {
    let sum = ax;
    let term = ax;
    for (let n = 1; n < 100; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  let frac = 0;
  for (let n = 60; n >= 1; n--) frac = n / 2 / (ax + frac);
  return Math.sign(x) * (1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + frac));
}

export function act(z: number, activation: Activation): number {
  if (activation === 'tanh') return Math.tanh(z);
  if (activation === 'relu') return Math.max(0, z);
  return 0.5 * z * (1 + erf(z / Math.SQRT2));
}

export interface OracleResult {
  /** Positions [K+1][n][2]. */
  positions: Float64Array;
  /** E_k. */
  energies: Float64Array;
  logits: Float64Array;
  crossEntropy: number;
  kineticCost: number;
}

/** Forward pass and loss terms for points x [n][2] with labels y. */
export function oracleForward(
  model: ModelConfig,
  w: OracleWeights,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
): OracleResult {
  const { blocks: K, width: W, classes: C, stepSize: h } = model;
  const n = y.length;
  const positions = new Float64Array((K + 1) * n * 2);
  for (let i = 0; i < 2 * n; i++) positions[i] = x[i];
  const energies = new Float64Array(K);
  const hidden = new Float64Array(W);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < n; i++) {
      const p = (k * n + i) * 2;
      const z0 = positions[p];
      const z1 = positions[p + 1];
      for (let j = 0; j < W; j++) {
        const pre = z0 * w.W1[(k * 2 + 0) * W + j] + z1 * w.W1[(k * 2 + 1) * W + j] + w.b1[k * W + j];
        hidden[j] = act(pre, model.activation);
      }
      let v0 = w.b2[k * 2];
      let v1 = w.b2[k * 2 + 1];
      for (let j = 0; j < W; j++) {
        v0 += hidden[j] * w.W2[(k * W + j) * 2];
        v1 += hidden[j] * w.W2[(k * W + j) * 2 + 1];
      }
      energies[k] += (v0 * v0 + v1 * v1) / n;
      positions[p + n * 2] = z0 + h * v0;
      positions[p + n * 2 + 1] = z1 + h * v1;
    }
  }
  const logits = new Float64Array(n * C);
  let ce = 0;
  for (let i = 0; i < n; i++) {
    const p = (K * n + i) * 2;
    let max = -Infinity;
    for (let c = 0; c < C; c++) {
      const l = positions[p] * w.headW[c] + positions[p + 1] * w.headW[C + c] + w.headb[c];
      logits[i * C + c] = l;
      max = Math.max(max, l);
    }
    let sumExp = 0;
    for (let c = 0; c < C; c++) sumExp += Math.exp(logits[i * C + c] - max);
    ce += (max + Math.log(sumExp) - logits[i * C + y[i]]) / n;
  }
  const kinetic = energies.reduce((a, b) => a + b, 0) / 2;
  return { positions, energies, logits, crossEntropy: ce, kineticCost: kinetic };
}

/**
 * Central finite differences of f with respect to every entry of every weight array.
 * @param step the perturbation (float64, so 1e-6 is safe)
 */
export function finiteDifferenceGradient(
  w: OracleWeights,
  f: (w: OracleWeights) => number,
  step = 1e-6,
): OracleWeights {
  const grad = {} as OracleWeights;
  for (const name of Object.keys(w) as (keyof OracleWeights)[]) {
    const values = w[name];
    grad[name] = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const keep = values[i];
      values[i] = keep + step;
      const up = f(w);
      values[i] = keep - step;
      const down = f(w);
      values[i] = keep;
      grad[name][i] = (up - down) / (2 * step);
    }
  }
  return grad;
}
