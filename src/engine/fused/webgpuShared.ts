/**
 * What the fused WebGPU programs (webgpuPrograms.ts) share: the program and uniform shapes of
 * tfjs-backend-webgpu's program API, the model uniforms, the kernels' contract as WGSL, and WGSL for
 * the weight layout, the activation, the head's log-softmax and reading the forward trace.
 */
import type { ThetaPart } from './contract';
import {
  ACTIVATION_CODES,
  contractConstants,
  offsetExpression,
  offsetFunctionName,
  THETA_PARTS,
} from './contract';
import type { FusedStepConfig } from './stepConfig';

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

export const GROUP = 64;
export const STATS_GROUP = 256;

/**
 * WGSL: sums a workgroup array of STATS_GROUP values (one per thread `t`, already written) into its
 * element 0 by a tree reduction; every thread of the workgroup must run it.
 */
export function statsGroupSum(array: string): string {
  return `workgroupBarrier();
      for (var span = ${STATS_GROUP / 2}; span > 0; span = span / 2) {
        if (t < span) { ${array}[t] = ${array}[t] + ${array}[t + span]; }
        workgroupBarrier();
      }`;
}

/** Sums a gradient workgroup reduces at once: 5 per hidden unit, 2 per b2, 3C for the head. */
export const MAX_SUMS = 3 * MAX_FUSED_CLASSES;

/** Model uniforms shared by every program except the update. */
export const MODEL_UNIFORMS = 'blocks : i32, width : i32, classes : i32, points : i32, stepSize : f32,';

export function modelUniforms(config: FusedStepConfig, points: number): ProgramUniform[] {
  return [
    { type: 'int32', data: [config.blocks] },
    { type: 'int32', data: [config.width] },
    { type: 'int32', data: [config.classes] },
    { type: 'int32', data: [points] },
    { type: 'float32', data: [config.stepSize] },
  ];
}

/**
 * The kernels' contract (contract.ts) as WGSL constants: codes, record slots (RECORD_WEIGHT, ...).
 * Every program starts with it.
 */
export const CONTRACT_CODE = contractConstants()
  .map(([name, value]) => `const ${name} : i32 = ${value};`)
  .join('\n');

/** The contract's theta offsets as WGSL functions of the model uniforms (offsetB1(), ...). */
function offsetCode(part: ThetaPart): string {
  const sizes = { blocks: 'uniforms.blocks', width: 'uniforms.width', classes: 'uniforms.classes' };
  return `fn ${offsetFunctionName(part)}() -> i32 { return ${offsetExpression(part, sizes)}; }`;
}

/** The activation at z and its slope, per activation code. */
const ACTIVATE: Record<number, string> = {
  // tanh, in tfjs-webgpu's form so that both engines round alike.
  [ACTIVATION_CODES.tanh]: `let e = exp(-2.0 * abs(z)); let t = sign(z) * (1.0 - e) / (1.0 + e); return vec2<f32>(t, 1.0 - t * t);`,
  [ACTIVATION_CODES.relu]: `return vec2<f32>(max(z, 0.0), select(0.0, 1.0, z > 0.0));`,
  [ACTIVATION_CODES.gelu]: `let u = z * 0.7071067811865476;
     let t = 1.0 / (1.0 + 0.3275911 * abs(u));
     let e = exp(-u * u);
     let erf = sign(u) * (1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * e);
     return vec2<f32>(0.5 * z * (1.0 + erf), 0.5 * (1.0 + erf) + 0.5 * z * 1.1283791670955126 * e * 0.7071067811865476);`,
};

/**
 * WGSL shared by the programs that read the model: the contract, weight offsets, the activation and
 * its slope (tanh as tfjs-webgpu computes it, GELU through tfjs's erf), and the head's log-softmax.
 */
export function modelCode(activation: number): string {
  return `
    ${CONTRACT_CODE}
    ${THETA_PARTS.map(offsetCode).join('\n    ')}
    fn traceStride() -> i32 { return 4 * uniforms.blocks + 4; }

    // The activation at z and its slope.
    fn activate(z : f32) -> vec2<f32> { ${ACTIVATE[activation]} }

    // Pre-activation of hidden unit j of block k at x.
    fn preActivation(k : i32, j : i32, x : vec2<f32>) -> f32 {
      let W = uniforms.width;
      let w1 = offsetW1() + k * 2 * W;
      return x.x * params[w1 + j] + x.y * params[w1 + W + j] + params[offsetB1() + k * W + j];
    }

    // Row j of W2 in block k.
    fn outWeights(k : i32, j : i32) -> vec2<f32> {
      let at = offsetW2() + (k * uniforms.width + j) * 2;
      return vec2<f32>(params[at], params[at + 1]);
    }

    // Log-probabilities of the head at x_K.
    fn logProbabilities(x : vec2<f32>) -> array<f32, ${MAX_FUSED_CLASSES}> {
      let C = uniforms.classes;
      let head = offsetHeadW();
      let bias = offsetHeadb();
      var logits : array<f32, ${MAX_FUSED_CLASSES}>;
      var largest = -3.0e38;
      for (var c = 0; c < C; c++) {
        logits[c] = x.x * params[head + c] + x.y * params[head + C + c] + params[bias + c];
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
export const TRACE_CODE = `
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

export function flatProgram(
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

export type ProgramCall = [FusedProgram, ProgramUniform[]];
