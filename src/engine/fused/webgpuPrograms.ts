/**
 * The fused training step on WebGPU as a handful of WGSL programs, run through tfjs-backend-webgpu's
 * program API (backend.runWebGPUProgram), so that tfjs keeps ordering, buffers and uniforms:
 *   forward   one thread per point: positions x_0..x_K, velocities, its cross-entropy and energy;
 *   stats     one workgroup: CE and C over the points, the least-action multiplier, the weight;
 *   adjoint   one thread per point: the backward pass through the blocks, dL/dv_k per block;
 *   gradient  one workgroup per hidden unit (and per b2, and the head): the gradient, summed over
 *             the points on the device (strided loads, then a tree reduction in workgroup memory);
 *   clip      one workgroup: the gradient's length, and the factor of gradient-norm clipping;
 *   update    one thread per parameter: Adam or SGD, once per output (theta, first, second moment).
 * Eight dispatches per step whatever K, W and N; the sizes are uniforms, so a new model or batch
 * size does not compile anything again.
 *
 * Inputs are read through f32(): tfjs may hand over a float tensor whose buffer still holds int32
 * (a cast of one-hot labels), and the generated bindings follow the buffer's type.
 *
 * Layouts: params (theta) as in src/core/weights.ts; trace [N][4K + 4] = x_0..x_K (2 each), v_0..v_{K-1}
 * (2 each), CE_i, |v|^2 summed over blocks; adjoint [N][K][2]; stats [CE, C, lambda, weight, loss].
 */
import { RECORD_LENGTH } from './contract';
import type { FusedStepConfig } from './stepConfig';
import type { ProgramCall } from './webgpuShared';
import {
  CONTRACT_CODE,
  flatProgram,
  GROUP,
  MAX_SUMS,
  MODEL_UNIFORMS,
  modelCode,
  modelUniforms,
  STATS_GROUP,
  statsGroupSum,
  TRACE_CODE,
} from './webgpuShared';

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
    ${CONTRACT_CODE}
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
      ${statsGroupSum('sums')}
      if (t == 0) {
        let n = f32(uniforms.points);
        let ce = sums[0].x / n;
        let cost = 0.5 * sums[0].y / n;
        var used = multiplier[0];
        if (uniforms.penalty == PENALTY_LAP && uniforms.updateMultiplier == 1) { used = used + uniforms.tau * ce; }
        var weight = 0.0;
        if (uniforms.penalty == PENALTY_FIXED) { weight = uniforms.weight; }
        if (uniforms.penalty == PENALTY_LAP) { weight = 1.0 / used; }
        result[RECORD_CROSS_ENTROPY] = ce;
        result[RECORD_KINETIC_COST] = cost;
        result[RECORD_LAMBDA] = used;
        result[RECORD_WEIGHT] = weight;
        result[RECORD_LOSS] = select(ce + weight * cost, ce, uniforms.penalty == PENALTY_OFF);
      }
    }
  `;
  const program = flatProgram(
    'stats',
    ['trace', 'multiplier'],
    RECORD_LENGTH,
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
      let head = offsetHeadW();
      let d = outputError(i);
      var g = vec2<f32>(0.0);
      for (var c = 0; c < C; c++) { g += d[c] * vec2<f32>(params[head + c], params[head + C + c]); }
      let scale = stats[RECORD_WEIGHT] / f32(uniforms.points);
      for (var k = K - 1; k >= 0; k--) {
        let gv = uniforms.stepSize * g + scale * traceVelocity(i, k);
        result[(i * K + k) * 2] = gv.x;
        result[(i * K + k) * 2 + 1] = gv.y;
        let x = tracePosition(i, k);
        var gx = vec2<f32>(0.0);
        for (var j = 0; j < uniforms.width; j++) {
          let gz = dot(outWeights(k, j), gv) * activate(preActivation(k, j, x)).y;
          let w1 = offsetW1() + k * 2 * uniforms.width;
          gx += gz * vec2<f32>(params[w1 + j], params[w1 + uniforms.width + j]);
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
        result[offsetW1() + k * 2 * W + j] = partial[0];
        result[offsetW1() + k * 2 * W + W + j] = partial[${GROUP}];
        result[offsetB1() + k * W + j] = partial[${2 * GROUP}];
        result[offsetW2() + (k * W + j) * 2] = partial[${3 * GROUP}];
        result[offsetW2() + (k * W + j) * 2 + 1] = partial[${4 * GROUP}];
      } else if (group < K * W + K) {
        let k = group - K * W;
        result[offsetB2() + 2 * k] = partial[0];
        result[offsetB2() + 2 * k + 1] = partial[${GROUP}];
      } else {
        // [headW row 0, headW row 1, headb], as the head's two tensors lie in theta.
        for (var q = 0; q < 3 * C; q++) {
          result[offsetHeadW() + q] = select(0.0, partial[q * ${GROUP}], uniforms.headTrainable == 1);
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

/**
 * clip: gradient [P] -> [1], the factor that brings the whole gradient to length gradientClip when it
 * is longer (1 otherwise, and when gradientClip is 0: off). One workgroup: strided squares, then a
 * tree reduction.
 */
export function clipProgram(config: FusedStepConfig, size: number): ProgramCall {
  const code = `
    ${CONTRACT_CODE}
    var<workgroup> squares : array<f32, ${STATS_GROUP}>;
    fn main(index : i32) {
      let t = i32(localId.x);
      var s = 0.0;
      if (uniforms.clip > 0.0) {
        for (var p = t; p < uniforms.count; p += ${STATS_GROUP}) { s += gradient[p] * gradient[p]; }
      }
      squares[t] = s;
      ${statsGroupSum('squares')}
      if (t == 0) {
        let norm = sqrt(squares[0]);
        result[0] = select(1.0, uniforms.clip / norm, uniforms.clip > 0.0 && norm > uniforms.clip);
      }
    }
  `;
  const program = flatProgram('clip', ['gradient'], 1, 1, STATS_GROUP, 'count : i32, clip : f32,', code);
  return [
    program,
    [
      { type: 'int32', data: [size] },
      { type: 'float32', data: [config.gradientClip] },
    ],
  ];
}

/** Which output an update program writes. */
export type UpdateOutput = 'theta' | 'first' | 'second';

/**
 * update: params, first, second, gradient, clip factor -> the new theta, first or second moment [P].
 */
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
    ${CONTRACT_CODE}
    fn main(index : i32) {
      // tfjs binds every input, and pipelines take their layout from what the shader uses: use all.
      _ = params[0];
      _ = second[0];
      let p = index;
      if (p >= uniforms.count) { return; }
      let g = gradient[p] * clipFactor[0];
      if (uniforms.optimizer == OPTIMIZER_ADAM) {
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
    ['params', 'first', 'second', 'gradient', 'clipFactor'],
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
