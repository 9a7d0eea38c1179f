/**
 * The fused training step for the CPU and WASM backends, in AssemblyScript compiled to WebAssembly
 * with 128-bit SIMD (npm run build:kernel writes cpuStepModule.ts from this file).
 *
 * One call computes a whole step exactly as the reference engine's composed tfjs ops do
 * (science.md sections 1-3), in float32 like tfjs:
 *   pass 1, forward per point through the K blocks (positions, hidden activations and their slopes,
 *           velocities, kinetic terms), then the head, softmax and cross-entropy;
 *   then    the least-action multiplier (lambda + tau CE when asked) and the penalty weight;
 *   pass 2, backward per point, every weight's gradient summed over the points;
 *   last    Adam or SGD with momentum over the flat parameter buffer.
 * Hidden units are processed four at a time (f32x4); the width is padded to a multiple of 4 with
 * zero weights, which leaves every real quantity unchanged.
 *
 * Activations live in cpuActivations.as.ts; the codes, record slots, IO arrays and theta offsets come
 * from the kernels' contract (contract.as.ts, rendered from contract.ts).
 *
 * Memory: prepare(K, W, C, N) lays out, from the heap base, the arrays the caller fills and reads
 * (the IO block, located by ioPointer) followed by this module's scratch, and grows memory as needed.
 */

import { geluPair, tanhVec } from './cpuActivations.as';
import {
  ACTIVATION_RELU,
  ACTIVATION_TANH,
  IO_FIRST,
  IO_ONE_HOT,
  IO_OUT_FIRST,
  IO_OUT_SECOND,
  IO_OUT_THETA,
  IO_POINTS,
  IO_SECOND,
  IO_THETA,
  OPTIMIZER_ADAM,
  PENALTY_FIXED,
  PENALTY_LAP,
  PENALTY_OFF,
  RECORD_CROSS_ENTROPY,
  RECORD_KINETIC_COST,
  RECORD_LAMBDA,
  RECORD_LENGTH,
  RECORD_LOSS,
  RECORD_WEIGHT,
  offsetB1,
  offsetB2,
  offsetHeadW,
  offsetHeadb,
  offsetW1,
  offsetW2,
  thetaSize,
} from './contract.as';

let K: i32 = 0;
let W: i32 = 0;
let C: i32 = 0;
let N: i32 = 0;
let P: i32 = 0;
let Wp: i32 = 0;

// IO block (float32 arrays, in this order).
let ioTheta: usize = 0;
let ioFirst: usize = 0;
let ioSecond: usize = 0;
let ioX: usize = 0;
let ioOneHot: usize = 0;
let outTheta: usize = 0;
let outFirst: usize = 0;
let outSecond: usize = 0;
let outRecord: usize = 0;

// Scratch: padded weights [K][Wp] and their gradients, per-point records, head gradients, and a
// float64 accumulator of the kinetic terms.
let w1a: usize = 0;
let w1b: usize = 0;
let b1p: usize = 0;
let w2c0: usize = 0;
let w2c1: usize = 0;
let gw1a: usize = 0;
let gw1b: usize = 0;
let gb1: usize = 0;
let gw2c0: usize = 0;
let gw2c1: usize = 0;
let gb2: usize = 0;
let ghead: usize = 0;
let grad: usize = 0;
let positions: usize = 0;
let velocity: usize = 0;
let act: usize = 0;
let slope: usize = 0;
let probabilities: usize = 0;
let kineticSum: usize = 0;

function align16(n: usize): usize {
  return (n + 15) & ~(15 as usize);
}

let cursor: usize = 0;

/** Reserves `floats` float32 values at the cursor (16-byte aligned). */
function take(floats: i32): usize {
  const start = cursor;
  cursor = align16(cursor + (<usize>floats << 2));
  return start;
}

function ioBase(): usize {
  return align16(__heap_base);
}

/**
 * Where an array of the IO block starts, in bytes (the contract's IO_ARRAYS): theta, first moment,
 * second moment, points [N][2], one-hot labels [N][C]; outputs theta, first, second, the record.
 */
export function ioPointer(index: i32): usize {
  switch (index) {
    case IO_THETA: return ioTheta;
    case IO_FIRST: return ioFirst;
    case IO_SECOND: return ioSecond;
    case IO_POINTS: return ioX;
    case IO_ONE_HOT: return ioOneHot;
    case IO_OUT_THETA: return outTheta;
    case IO_OUT_FIRST: return outFirst;
    case IO_OUT_SECOND: return outSecond;
    default: return outRecord;
  }
}

/** Lays out memory for a model and a batch size; returns the number of bytes in use. */
export function prepare(blocks: i32, width: i32, classes: i32, points: i32): usize {
  K = blocks;
  W = width;
  C = classes;
  N = points;
  P = thetaSize(K, W, C);
  Wp = (W + 3) & ~3;
  cursor = ioBase();
  ioTheta = take(P);
  ioFirst = take(P);
  ioSecond = take(P);
  ioX = take(2 * N);
  ioOneHot = take(N * C);
  outTheta = take(P);
  outFirst = take(P);
  outSecond = take(P);
  outRecord = take(RECORD_LENGTH);
  const block = K * Wp;
  w1a = take(block);
  w1b = take(block);
  b1p = take(block);
  w2c0 = take(block);
  w2c1 = take(block);
  gw1a = take(block);
  gw1b = take(block);
  gb1 = take(block);
  gw2c0 = take(block);
  gw2c1 = take(block);
  gb2 = take(2 * K);
  ghead = take(3 * C);
  grad = take(P);
  positions = take((K + 1) * N * 2);
  velocity = take(K * N * 2);
  act = take(K * N * Wp);
  slope = take(K * N * Wp);
  probabilities = take(N * C);
  kineticSum = take(2);
  const pages = <i32>((cursor + 0xffff) >> 16);
  if (pages > memory.size()) memory.grow(pages - memory.size());
  return cursor;
}

@inline function f32At(base: usize, index: i32): f32 {
  return load<f32>(base + (<usize>index << 2));
}

@inline function setF32(base: usize, index: i32, value: f32): void {
  store<f32>(base + (<usize>index << 2), value);
}

@inline function vecAt(base: usize, index: i32): v128 {
  return v128.load(base + (<usize>index << 2));
}

@inline function setVec(base: usize, index: i32, value: v128): void {
  v128.store(base + (<usize>index << 2), value);
}

@inline function addVec(base: usize, index: i32, value: v128): void {
  setVec(base, index, f32x4.add(vecAt(base, index), value));
}

@inline function horizontalSum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/** Copies theta into padded per-block arrays (W1 rows, b1, W2 columns) and zeroes the gradients. */
function unpackWeights(): void {
  const oW1 = offsetW1(K, W, C);
  const oB1 = offsetB1(K, W, C);
  const oW2 = offsetW2(K, W, C);
  memory.fill(w1a, 0, <usize>(10 * K * Wp) << 2);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < W; j++) {
      const at = k * Wp + j;
      setF32(w1a, at, f32At(ioTheta, oW1 + k * 2 * W + j));
      setF32(w1b, at, f32At(ioTheta, oW1 + k * 2 * W + W + j));
      setF32(b1p, at, f32At(ioTheta, oB1 + k * W + j));
      setF32(w2c0, at, f32At(ioTheta, oW2 + (k * W + j) * 2));
      setF32(w2c1, at, f32At(ioTheta, oW2 + (k * W + j) * 2 + 1));
    }
  }
  memory.fill(gb2, 0, <usize>(2 * K) << 2);
  memory.fill(ghead, 0, <usize>(3 * C) << 2);
}

/** Pass 1 for point i; returns its cross-entropy and adds its kinetic terms to the running sum. */
function forwardPoint(i: i32, h: f32, activation: i32, oB2: i32, oHW: i32, oHb: i32): f64 {
  let x0 = f32At(ioX, 2 * i);
  let x1 = f32At(ioX, 2 * i + 1);
  setF32(positions, 2 * i, x0);
  setF32(positions, 2 * i + 1, x1);
  const V = Wp >> 2;
  let energy: f64 = 0;
  for (let k = 0; k < K; k++) {
    const sx0 = f32x4.splat(x0);
    const sx1 = f32x4.splat(x1);
    let acc0 = f32x4.splat(0);
    let acc1 = f32x4.splat(0);
    const row = (k * N + i) * Wp;
    for (let v = 0; v < V; v++) {
      const at = k * Wp + (v << 2);
      const z = f32x4.add(f32x4.add(f32x4.mul(sx0, vecAt(w1a, at)), f32x4.mul(sx1, vecAt(w1b, at))), vecAt(b1p, at));
      let a: v128;
      let s: v128;
      if (activation == ACTIVATION_TANH) {
        a = tanhVec(z);
        s = f32x4.sub(f32x4.splat(1), f32x4.mul(a, a));
      } else if (activation == ACTIVATION_RELU) {
        const positive = f32x4.gt(z, f32x4.splat(0));
        a = v128.and(z, positive);
        s = v128.and(f32x4.splat(1), positive);
      } else {
        const base = row + (v << 2);
        setVec(act, base, z);
        for (let lane = 0; lane < 4; lane++) {
          const at = <usize>(base + lane) << 2;
          geluPair(f32At(act, base + lane), act + at, slope + at);
        }
        a = vecAt(act, base);
        s = vecAt(slope, base);
      }
      setVec(act, row + (v << 2), a);
      setVec(slope, row + (v << 2), s);
      acc0 = f32x4.add(acc0, f32x4.mul(a, vecAt(w2c0, at)));
      acc1 = f32x4.add(acc1, f32x4.mul(a, vecAt(w2c1, at)));
    }
    const v0 = horizontalSum(acc0) + f32At(ioTheta, oB2 + 2 * k);
    const v1 = horizontalSum(acc1) + f32At(ioTheta, oB2 + 2 * k + 1);
    setF32(velocity, (k * N + i) * 2, v0);
    setF32(velocity, (k * N + i) * 2 + 1, v1);
    energy += <f64>v0 * v0 + <f64>v1 * v1;
    x0 += h * v0;
    x1 += h * v1;
    setF32(positions, ((k + 1) * N + i) * 2, x0);
    setF32(positions, ((k + 1) * N + i) * 2 + 1, x1);
  }
  store<f64>(kineticSum, load<f64>(kineticSum) + energy);
  let max: f64 = -Infinity;
  for (let c = 0; c < C; c++) {
    const logit = <f64>(x0 * f32At(ioTheta, oHW + c) + x1 * f32At(ioTheta, oHW + C + c) + f32At(ioTheta, oHb + c));
    setF32(probabilities, i * C + c, <f32>logit);
    if (logit > max) max = logit;
  }
  let sum: f64 = 0;
  for (let c = 0; c < C; c++) sum += Math.exp(<f64>f32At(probabilities, i * C + c) - max);
  const logSum = max + Math.log(sum);
  let ce: f64 = 0;
  for (let c = 0; c < C; c++) {
    const logit = <f64>f32At(probabilities, i * C + c);
    ce -= <f64>f32At(ioOneHot, i * C + c) * (logit - logSum);
    setF32(probabilities, i * C + c, <f32>Math.exp(logit - logSum));
  }
  return ce;
}

/** Pass 2 for point i: adds its share of every gradient. `scale` is the penalty weight over N. */
function backwardPoint(i: i32, h: f32, scale: f32, invN: f32, oHW: i32): void {
  const xK = (K * N + i) * 2;
  let g0: f32 = 0;
  let g1: f32 = 0;
  for (let c = 0; c < C; c++) {
    const d = (f32At(probabilities, i * C + c) - f32At(ioOneHot, i * C + c)) * invN;
    setF32(ghead, c, f32At(ghead, c) + f32At(positions, xK) * d);
    setF32(ghead, C + c, f32At(ghead, C + c) + f32At(positions, xK + 1) * d);
    setF32(ghead, 2 * C + c, f32At(ghead, 2 * C + c) + d);
    g0 += d * f32At(ioTheta, oHW + c);
    g1 += d * f32At(ioTheta, oHW + C + c);
  }
  const V = Wp >> 2;
  for (let k = K - 1; k >= 0; k--) {
    const vi = (k * N + i) * 2;
    const gv0 = h * g0 + scale * f32At(velocity, vi);
    const gv1 = h * g1 + scale * f32At(velocity, vi + 1);
    setF32(gb2, 2 * k, f32At(gb2, 2 * k) + gv0);
    setF32(gb2, 2 * k + 1, f32At(gb2, 2 * k + 1) + gv1);
    const sgv0 = f32x4.splat(gv0);
    const sgv1 = f32x4.splat(gv1);
    const sx0 = f32x4.splat(f32At(positions, vi));
    const sx1 = f32x4.splat(f32At(positions, vi + 1));
    let gx0 = f32x4.splat(0);
    let gx1 = f32x4.splat(0);
    const row = (k * N + i) * Wp;
    for (let v = 0; v < V; v++) {
      const at = k * Wp + (v << 2);
      const a = vecAt(act, row + (v << 2));
      addVec(gw2c0, at, f32x4.mul(a, sgv0));
      addVec(gw2c1, at, f32x4.mul(a, sgv1));
      const ga = f32x4.add(f32x4.mul(vecAt(w2c0, at), sgv0), f32x4.mul(vecAt(w2c1, at), sgv1));
      const gz = f32x4.mul(ga, vecAt(slope, row + (v << 2)));
      addVec(gb1, at, gz);
      addVec(gw1a, at, f32x4.mul(sx0, gz));
      addVec(gw1b, at, f32x4.mul(sx1, gz));
      gx0 = f32x4.add(gx0, f32x4.mul(vecAt(w1a, at), gz));
      gx1 = f32x4.add(gx1, f32x4.mul(vecAt(w1b, at), gz));
    }
    g0 += horizontalSum(gx0);
    g1 += horizontalSum(gx1);
  }
}

/** Gathers the padded gradients into the flat layout of theta (WEIGHT_NAMES order). */
function packGradient(headTrainable: bool): void {
  const oW1 = offsetW1(K, W, C);
  const oB1 = offsetB1(K, W, C);
  const oW2 = offsetW2(K, W, C);
  const oB2 = offsetB2(K, W, C);
  const oHW = offsetHeadW(K, W, C);
  for (let k = 0; k < K; k++) {
    for (let j = 0; j < W; j++) {
      const at = k * Wp + j;
      setF32(grad, oW1 + k * 2 * W + j, f32At(gw1a, at));
      setF32(grad, oW1 + k * 2 * W + W + j, f32At(gw1b, at));
      setF32(grad, oB1 + k * W + j, f32At(gb1, at));
      setF32(grad, oW2 + (k * W + j) * 2, f32At(gw2c0, at));
      setF32(grad, oW2 + (k * W + j) * 2 + 1, f32At(gw2c1, at));
    }
    setF32(grad, oB2 + 2 * k, f32At(gb2, 2 * k));
    setF32(grad, oB2 + 2 * k + 1, f32At(gb2, 2 * k + 1));
  }
  // The head's gradients are [headW row 0, headW row 1, headb], as its two tensors lie in theta.
  for (let c = 0; c < 3 * C; c++) setF32(grad, oHW + c, headTrainable ? f32At(ghead, c) : 0);
}

/**
 * The factor that brings the whole gradient to length `clip` when it is longer (1 otherwise, and
 * when clip is 0: off). The squares are summed in f64.
 */
function clipScale(clip: f32): f32 {
  if (clip <= 0) return 1;
  let squares: f64 = 0;
  for (let p = 0; p < P; p++) {
    const g = <f64>f32At(grad, p);
    squares += g * g;
  }
  const norm = <f32>Math.sqrt(squares);
  return norm > clip ? clip / norm : 1;
}

/**
 * One training step over the N points in the IO block (see the file comment). Writes the new
 * parameters and moments and the step record [CE, C, lambda used, weight used, loss] (the contract's
 * RECORD_ slots).
 * @param penalty the contract's PENALTY_ codes
 * @param optimizer the contract's OPTIMIZER_ codes
 */
export function step(
  h: f32,
  activation: i32,
  headTrainable: bool,
  penalty: i32,
  weight: f32,
  tau: f32,
  updateMultiplier: bool,
  lambda: f32,
  optimizer: i32,
  learningRate: f32,
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  momentum: f32,
  gradientClip: f32,
  beta1Power: f32,
  beta2Power: f32,
): void {
  const oB2 = offsetB2(K, W, C);
  const oHW = offsetHeadW(K, W, C);
  const oHb = offsetHeadb(K, W, C);
  unpackWeights();
  store<f64>(kineticSum, 0);
  let ceSum: f64 = 0;
  for (let i = 0; i < N; i++) ceSum += forwardPoint(i, h, activation, oB2, oHW, oHb);
  const ce = <f32>(ceSum / N);
  const cost = <f32>((0.5 * load<f64>(kineticSum)) / N);
  const lambdaUsed: f32 = penalty == PENALTY_LAP && updateMultiplier ? lambda + tau * ce : lambda;
  const w: f32 = penalty == PENALTY_OFF ? 0 : penalty == PENALTY_FIXED ? weight : <f32>1.0 / lambdaUsed;
  const invN: f32 = <f32>1.0 / <f32>N;
  for (let i = 0; i < N; i++) backwardPoint(i, h, w * invN, invN, oHW);
  packGradient(headTrainable);
  const scale = clipScale(gradientClip);
  const c1: f32 = 1 - beta1Power;
  const c2: f32 = 1 - beta2Power;
  for (let p = 0; p < P; p++) {
    const g = f32At(grad, p) * scale;
    const theta = f32At(ioTheta, p);
    if (optimizer == OPTIMIZER_ADAM) {
      const m = beta1 * f32At(ioFirst, p) + (1 - beta1) * g;
      const v = beta2 * f32At(ioSecond, p) + (1 - beta2) * g * g;
      setF32(outFirst, p, m);
      setF32(outSecond, p, v);
      setF32(outTheta, p, theta - (learningRate * (m / c1)) / (Mathf.sqrt(v / c2) + epsilon));
    } else {
      const u = momentum * f32At(ioFirst, p) + g;
      setF32(outFirst, p, u);
      setF32(outSecond, p, f32At(ioSecond, p));
      setF32(outTheta, p, theta - learningRate * u);
    }
  }
  setF32(outRecord, RECORD_CROSS_ENTROPY, ce);
  setF32(outRecord, RECORD_KINETIC_COST, cost);
  setF32(outRecord, RECORD_LAMBDA, lambdaUsed);
  setF32(outRecord, RECORD_WEIGHT, w);
  setF32(outRecord, RECORD_LOSS, penalty == PENALTY_OFF ? ce : ce + w * cost);
}
