/**
 * The fused training step on WebGPU as a handful of WGSL programs, run through tfjs-backend-webgpu's
 * program API (backend.runWebGPUProgram), so that tfjs keeps ordering, buffers and uniforms:
 *   forward   one thread per point: positions x_0..x_K, velocities, its cross-entropy and energy;
 *   stats     one workgroup: CE and C over the points, the least-action multiplier, the weight;
 *   adjoint   one thread per point: the backward pass through the blocks, dL/dv_k per block;
 *   gradient  one workgroup per hidden unit (and per b2, and the head): the gradient, summed over
 *             the points on the device (strided loads, then a tree reduction in workgroup memory);
 *   update    one thread per parameter: Adam or SGD, once per output (theta, first, second moment).
 * Seven dispatches per step whatever K, W and N; the sizes are uniforms, so a new model or batch
 * size does not compile anything again.
 *
 * Inputs are read through f32(): tfjs may hand over a float tensor whose buffer still holds int32
 * (a cast of one-hot labels), and the generated bindings follow the buffer's type.
 *
 * Layouts: params (theta) as in src/core/weights.ts; trace [N][4K + 4] = x_0..x_K (2 each), v_0..v_{K-1}
 * (2 each), CE_i, |v|^2 summed over blocks; adjoint [N][K][2]; stats [CE, C, lambda, weight, loss].
 */
import type { FusedStepConfig } from './cpuStep';

/** The part of tfjs-backend-webgpu's WebGPUProgram these programs fill in. */
export interface FusedProgram {
  variableNames: string[];
  outputShape: number[];
  shaderKey: string;
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number];
  uniforms: string;
  size: boolean;
  getUserCode: () => string;
}

export interface ProgramUniform {
  type: 'float32' | 'int32';
  data: number[];
}

/** Most classes the programs handle (their logits live in a fixed-size array). */
export const MAX_FUSED_CLASSES = 8;

const GROUP = 64;
const STATS_GROUP = 256;
/** Sums a gradient workgroup reduces at once: 5 per hidden unit, 2 per b2, 3C for the head. */
const MAX_SUMS = 3 * MAX_FUSED_CLASSES;

/** Model uniforms shared by every program except the update. */
const MODEL_UNIFORMS = 'blocks : i32, width : i32, classes : i32, points : i32, stepSize : f32,';

function modelUniforms(config: FusedStepConfig, points: number): ProgramUniform[] {
  return [
    { type: 'int32', data: [config.blocks] },
    { type: 'int32', data: [config.width] },
    { type: 'int32', data: [config.classes] },
    { type: 'int32', data: [points] },
    { type: 'float32', data: [config.stepSize] },
  ];
}

/**
 * WGSL shared by the programs: weight offsets, the activation and its slope (tanh as tfjs-webgpu
 * computes it, GELU through tfjs's erf), and the head's log-softmax.
 */
function modelCode(activation: number): string {
  const activate = [
    // tanh, in tfjs-webgpu's form so that both engines round alike.
    `let e = exp(-2.0 * abs(z)); let t = sign(z) * (1.0 - e) / (1.0 + e); return vec2<f32>(t, 1.0 - t * t);`,
    `return vec2<f32>(max(z, 0.0), select(0.0, 1.0, z > 0.0));`,
    `let u = z * 0.7071067811865476;
     let t = 1.0 / (1.0 + 0.3275911 * abs(u));
     let e = exp(-u * u);
     let erf = sign(u) * (1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * e);
     return vec2<f32>(0.5 * z * (1.0 + erf), 0.5 * (1.0 + erf) + 0.5 * z * 1.1283791670955126 * e * 0.7071067811865476);`,
  ][activation];
  return `
    fn offsetB1() -> i32 { return uniforms.blocks * 2 * uniforms.width; }
    fn offsetW2() -> i32 { return offsetB1() + uniforms.blocks * uniforms.width; }
    fn offsetB2() -> i32 { return offsetW2() + uniforms.blocks * uniforms.width * 2; }
    fn offsetHead() -> i32 { return offsetB2() + uniforms.blocks * 2; }
    fn traceStride() -> i32 { return 4 * uniforms.blocks + 4; }

    // The activation at z and its slope.
    fn activate(z : f32) -> vec2<f32> { ${activate} }

    // Pre-activation of hidden unit j of block k at x.
    fn preActivation(k : i32, j : i32, x : vec2<f32>) -> f32 {
      let W = uniforms.width;
      return x.x * params[k * 2 * W + j] + x.y * params[k * 2 * W + W + j] + params[offsetB1() + k * W + j];
    }

    // Row j of W2 in block k.
    fn outWeights(k : i32, j : i32) -> vec2<f32> {
      let at = offsetW2() + (k * uniforms.width + j) * 2;
      return vec2<f32>(params[at], params[at + 1]);
    }

    // Log-probabilities of the head at x_K.
    fn logProbabilities(x : vec2<f32>) -> array<f32, ${MAX_FUSED_CLASSES}> {
      let C = uniforms.classes;
      let head = offsetHead();
      var logits : array<f32, ${MAX_FUSED_CLASSES}>;
      var largest = -3.0e38;
      for (var c = 0; c < C; c++) {
        logits[c] = x.x * params[head + c] + x.y * params[head + C + c] + params[head + 2 * C + c];
        largest = max(largest, logits[c]);
      }
      var total = 0.0;
      for (var c = 0; c < C; c++) { total += exp(logits[c] - largest); }
      let logTotal = largest + log(total);
      for (var c = 0; c < C; c++) { logits[c] = logits[c] - logTotal; }
      return logits;
    }
  `;
}

/** WGSL reading the forward trace. */
const TRACE_CODE = `
  fn tracePosition(i : i32, k : i32) -> vec2<f32> {
    let at = i * traceStride() + 2 * k;
    return vec2<f32>(trace[at], trace[at + 1]);
  }

  fn traceVelocity(i : i32, k : i32) -> vec2<f32> {
    let at = i * traceStride() + 2 * (uniforms.blocks + 1) + 2 * k;
    return vec2<f32>(trace[at], trace[at + 1]);
  }

  // dCE_i/dlogits / N: softmax minus the one-hot label, over the points.
  fn outputError(i : i32) -> array<f32, ${MAX_FUSED_CLASSES}> {
    let C = uniforms.classes;
    var d = logProbabilities(tracePosition(i, uniforms.blocks));
    for (var c = 0; c < C; c++) { d[c] = (exp(d[c]) - f32(labels[i * C + c])) / f32(uniforms.points); }
    return d;
  }
`;

function flatProgram(
  name: string,
  variableNames: string[],
  size: number,
  workgroups: number,
  workgroupSize: number,
  uniforms: string,
  code: string,
): FusedProgram {
  return {
    variableNames,
    outputShape: [size],
    shaderKey: `lal_fused_${name}`,
    dispatchLayout: { x: [0] },
    dispatch: [Math.max(1, workgroups), 1, 1],
    workgroupSize: [workgroupSize, 1, 1],
    uniforms,
    size: false,
    getUserCode: () => code,
  };
}

type ProgramCall = [FusedProgram, ProgramUniform[]];

/** forward: params, points [N][2], labels [N][C] -> trace [N][4K + 4]. */
export function forwardProgram(config: FusedStepConfig, points: number): ProgramCall {
  const code = `
    ${modelCode(config.activation)}
    fn main(index : i32) {
      let i = index;
      if (i >= uniforms.points) { return; }
      let K = uniforms.blocks;
      let base = i * traceStride();
      var x = vec2<f32>(f32(points[2 * i]), f32(points[2 * i + 1]));
      result[base] = x.x;
      result[base + 1] = x.y;
      var energy = 0.0;
      for (var k = 0; k < K; k++) {
        var v = vec2<f32>(params[offsetB2() + 2 * k], params[offsetB2() + 2 * k + 1]);
        for (var j = 0; j < uniforms.width; j++) {
          v += activate(preActivation(k, j, x)).x * outWeights(k, j);
        }
        energy += dot(v, v);
        x += uniforms.stepSize * v;
        result[base + 2 * (k + 1)] = x.x;
        result[base + 2 * (k + 1) + 1] = x.y;
        result[base + 2 * (K + 1) + 2 * k] = v.x;
        result[base + 2 * (K + 1) + 2 * k + 1] = v.y;
      }
      let logP = logProbabilities(x);
      var ce = 0.0;
      for (var c = 0; c < uniforms.classes; c++) { ce -= f32(labels[i * uniforms.classes + c]) * logP[c]; }
      result[base + 4 * K + 2] = ce;
      result[base + 4 * K + 3] = energy;
    }
  `;
  const program = flatProgram(
    `forward_${config.activation}`,
    ['params', 'points', 'labels'],
    points * (4 * config.blocks + 4),
    Math.ceil(points / GROUP),
    GROUP,
    MODEL_UNIFORMS,
    code,
  );
  return [program, modelUniforms(config, points)];
}

/** stats: trace, multiplier [1] -> [CE, C, lambda used, weight used, loss]. */
export function statsProgram(config: FusedStepConfig, points: number): ProgramCall {
  const code = `
    fn traceStride() -> i32 { return 4 * uniforms.blocks + 4; }
    var<workgroup> sums : array<vec2<f32>, ${STATS_GROUP}>;
    fn main(index : i32) {
      let t = i32(localId.x);
      let K = uniforms.blocks;
      var s = vec2<f32>(0.0);
      for (var i = t; i < uniforms.points; i += ${STATS_GROUP}) {
        let at = i * traceStride() + 4 * K + 2;
        s += vec2<f32>(trace[at], trace[at + 1]);
      }
      sums[t] = s;
      workgroupBarrier();
      for (var span = ${STATS_GROUP / 2}; span > 0; span = span / 2) {
        if (t < span) { sums[t] = sums[t] + sums[t + span]; }
        workgroupBarrier();
      }
      if (t == 0) {
        let n = f32(uniforms.points);
        let ce = sums[0].x / n;
        let cost = 0.5 * sums[0].y / n;
        var used = multiplier[0];
        if (uniforms.penalty == 2 && uniforms.updateMultiplier == 1) { used = used + uniforms.tau * ce; }
        var weight = 0.0;
        if (uniforms.penalty == 1) { weight = uniforms.weight; }
        if (uniforms.penalty == 2) { weight = 1.0 / used; }
        result[0] = ce;
        result[1] = cost;
        result[2] = used;
        result[3] = weight;
        result[4] = select(ce + weight * cost, ce, uniforms.penalty == 0);
      }
    }
  `;
  const program = flatProgram(
    'stats',
    ['trace', 'multiplier'],
    5,
    1,
    STATS_GROUP,
    `${MODEL_UNIFORMS} penalty : i32, updateMultiplier : i32, weight : f32, tau : f32,`,
    code,
  );
  return [
    program,
    [
      ...modelUniforms(config, points),
      { type: 'int32', data: [config.penalty] },
      { type: 'int32', data: [config.updateMultiplier ? 1 : 0] },
      { type: 'float32', data: [config.weight] },
      { type: 'float32', data: [config.tau] },
    ],
  ];
}

/** adjoint: params, trace, labels, stats -> dL/dv [N][K][2]. */
export function adjointProgram(config: FusedStepConfig, points: number): ProgramCall {
  const code = `
    ${modelCode(config.activation)}
    ${TRACE_CODE}
    fn main(index : i32) {
      let i = index;
      if (i >= uniforms.points) { return; }
      let K = uniforms.blocks;
      let C = uniforms.classes;
      let head = offsetHead();
      let d = outputError(i);
      var g = vec2<f32>(0.0);
      for (var c = 0; c < C; c++) { g += d[c] * vec2<f32>(params[head + c], params[head + C + c]); }
      let scale = stats[3] / f32(uniforms.points);
      for (var k = K - 1; k >= 0; k--) {
        let gv = uniforms.stepSize * g + scale * traceVelocity(i, k);
        result[(i * K + k) * 2] = gv.x;
        result[(i * K + k) * 2 + 1] = gv.y;
        let x = tracePosition(i, k);
        var gx = vec2<f32>(0.0);
        for (var j = 0; j < uniforms.width; j++) {
          let gz = dot(outWeights(k, j), gv) * activate(preActivation(k, j, x)).y;
          let W = uniforms.width;
          gx += gz * vec2<f32>(params[k * 2 * W + j], params[k * 2 * W + W + j]);
        }
        g += gx;
      }
    }
  `;
  const program = flatProgram(
    `adjoint_${config.activation}`,
    ['params', 'trace', 'labels', 'stats'],
    points * config.blocks * 2,
    Math.ceil(points / GROUP),
    GROUP,
    MODEL_UNIFORMS,
    code,
  );
  return [program, modelUniforms(config, points)];
}

/**
 * gradient: params, trace, adjoint, labels -> dL/dtheta [P]. Workgroup g < K W handles hidden unit
 * (k, j) = (g / W, g mod W): W1, b1 and W2 entries; the next K handle b2 of each block; the last one
 * the head (zero when the head is fixed).
 */
export function gradientProgram(config: FusedStepConfig, points: number, size: number): ProgramCall {
  const code = `
    ${modelCode(config.activation)}
    ${TRACE_CODE}
    var<workgroup> partial : array<f32, ${MAX_SUMS * GROUP}>;
    fn main(index : i32) {
      let t = i32(localId.x);
      let group = i32(workgroupId.x);
      let K = uniforms.blocks;
      let W = uniforms.width;
      let C = uniforms.classes;
      var s : array<f32, ${MAX_SUMS}>;
      if (group < K * W) {
        let k = group / W;
        let j = group % W;
        let w2 = outWeights(k, j);
        for (var i = t; i < uniforms.points; i += ${GROUP}) {
          let x = tracePosition(i, k);
          let gv = vec2<f32>(adjoint[(i * K + k) * 2], adjoint[(i * K + k) * 2 + 1]);
          let a = activate(preActivation(k, j, x));
          let gz = dot(w2, gv) * a.y;
          s[0] += x.x * gz;
          s[1] += x.y * gz;
          s[2] += gz;
          s[3] += a.x * gv.x;
          s[4] += a.x * gv.y;
        }
      } else if (group < K * W + K) {
        let k = group - K * W;
        for (var i = t; i < uniforms.points; i += ${GROUP}) {
          s[0] += adjoint[(i * K + k) * 2];
          s[1] += adjoint[(i * K + k) * 2 + 1];
        }
      } else {
        for (var i = t; i < uniforms.points; i += ${GROUP}) {
          let x = tracePosition(i, K);
          let d = outputError(i);
          for (var c = 0; c < C; c++) {
            s[c] += x.x * d[c];
            s[C + c] += x.y * d[c];
            s[2 * C + c] += d[c];
          }
        }
      }
      for (var q = 0; q < ${MAX_SUMS}; q++) { partial[q * ${GROUP} + t] = s[q]; }
      workgroupBarrier();
      for (var span = ${GROUP / 2}; span > 0; span = span / 2) {
        if (t < span) {
          for (var q = 0; q < ${MAX_SUMS}; q++) {
            partial[q * ${GROUP} + t] = partial[q * ${GROUP} + t] + partial[q * ${GROUP} + t + span];
          }
        }
        workgroupBarrier();
      }
      if (t != 0) { return; }
      if (group < K * W) {
        let k = group / W;
        let j = group % W;
        result[k * 2 * W + j] = partial[0];
        result[k * 2 * W + W + j] = partial[${GROUP}];
        result[offsetB1() + k * W + j] = partial[${2 * GROUP}];
        result[offsetW2() + (k * W + j) * 2] = partial[${3 * GROUP}];
        result[offsetW2() + (k * W + j) * 2 + 1] = partial[${4 * GROUP}];
      } else if (group < K * W + K) {
        let k = group - K * W;
        result[offsetB2() + 2 * k] = partial[0];
        result[offsetB2() + 2 * k + 1] = partial[${GROUP}];
      } else {
        for (var q = 0; q < 3 * C; q++) {
          result[offsetHead() + q] = select(0.0, partial[q * ${GROUP}], uniforms.headTrainable == 1);
        }
      }
    }
  `;
  const program = flatProgram(
    `gradient_${config.activation}`,
    ['params', 'trace', 'adjoint', 'labels'],
    size,
    config.blocks * config.width + config.blocks + 1,
    GROUP,
    `${MODEL_UNIFORMS} headTrainable : i32,`,
    code,
  );
  return [
    program,
    [...modelUniforms(config, points), { type: 'int32', data: [config.headTrainable ? 1 : 0] }],
  ];
}

/** Which output an update program writes. */
export type UpdateOutput = 'theta' | 'first' | 'second';

/** update: params, first, second, gradient -> the new theta, first or second moment [P]. */
export function updateProgram(config: FusedStepConfig, size: number, output: UpdateOutput): ProgramCall {
  const write = {
    theta: [
      'params[p] - uniforms.learningRate * (m / uniforms.c1) / (sqrt(v / uniforms.c2) + uniforms.epsilon)',
      'params[p] - uniforms.learningRate * u',
    ],
    first: ['m', 'u'],
    second: ['v', 'second[p]'],
  }[output];
  const code = `
    fn main(index : i32) {
      // tfjs binds every input, and pipelines take their layout from what the shader uses: use all.
      _ = params[0];
      _ = second[0];
      let p = index;
      if (p >= uniforms.count) { return; }
      let g = gradient[p];
      if (uniforms.optimizer == 0) {
        let m = uniforms.beta1 * first[p] + (1.0 - uniforms.beta1) * g;
        let v = uniforms.beta2 * second[p] + (1.0 - uniforms.beta2) * g * g;
        result[p] = ${write[0]};
      } else {
        let u = uniforms.momentum * first[p] + g;
        result[p] = ${write[1]};
      }
    }
  `;
  const program = flatProgram(
    `update_${output}`,
    ['params', 'first', 'second', 'gradient'],
    size,
    Math.ceil(size / GROUP),
    GROUP,
    'count : i32, optimizer : i32, learningRate : f32, beta1 : f32, beta2 : f32, epsilon : f32, momentum : f32, c1 : f32, c2 : f32,',
    code,
  );
  return [
    program,
    [
      { type: 'int32', data: [size] },
      { type: 'int32', data: [config.optimizer] },
      { type: 'float32', data: [config.learningRate] },
      { type: 'float32', data: [config.beta1] },
      { type: 'float32', data: [config.beta2] },
      { type: 'float32', data: [config.epsilon] },
      { type: 'float32', data: [config.momentum] },
      { type: 'float32', data: [1 - config.beta1Power] },
      { type: 'float32', data: [1 - config.beta2Power] },
    ],
  ];
}
