/**
 * The fused CPU step (cpuStep.as.ts, compiled to WebAssembly with SIMD) behind a typed-array call:
 * the inputs are copied into the module's memory, one call computes the whole step, the outputs are
 * copied out. The module is instantiated on first use, synchronously (it is 12 KB, and the engine
 * runs in a worker or in Node).
 */
import { CPU_STEP_WASM } from './cpuStepModule';
import type { FusedStepConfig } from './stepConfig';

/**
 * Inputs: theta and the optimiser moments [P] in WEIGHT_NAMES order (src/core/weights.ts), points
 * [N][2], one-hot labels [N][C], the multiplier lambda.
 */
export interface FusedStepInputs {
  theta: Float32Array;
  first: Float32Array;
  second: Float32Array;
  x: Float32Array;
  oneHot: Float32Array;
  lambda: number;
}

/** Outputs: the new theta and moments [P], and stats [CE, C, lambda used, weight used, loss]. */
export interface FusedStepOutputs {
  theta: Float32Array;
  first: Float32Array;
  second: Float32Array;
  stats: Float32Array;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  prepare(blocks: number, width: number, classes: number, points: number): number;
  ioPointer(index: number): number;
  step(...args: number[]): void;
}

let kernel: KernelExports | null | undefined;
let preparedFor = '';

function instantiate(): KernelExports | null {
  try {
    const bytes = Uint8Array.from(atob(CPU_STEP_WASM), (c) => c.charCodeAt(0));
    return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as KernelExports;
  } catch {
    return null; // no WebAssembly SIMD here: the engine uses the reference step
  }
}

/** Whether this JavaScript engine runs the fused CPU step (WebAssembly with SIMD). */
export function cpuStepSupported(): boolean {
  if (kernel === undefined) kernel = instantiate();
  return kernel !== null;
}

/** IO arrays in the module's order (see ioPointer in cpuStep.as.ts). */
const IO = {
  theta: 0,
  first: 1,
  second: 2,
  x: 3,
  oneHot: 4,
  outTheta: 5,
  outFirst: 6,
  outSecond: 7,
  stats: 8,
};

export function cpuFusedStep(
  config: FusedStepConfig,
  input: FusedStepInputs,
  output: FusedStepOutputs,
): void {
  if (!cpuStepSupported()) throw new Error('The fused CPU step needs WebAssembly with SIMD.');
  const k = kernel!;
  const points = input.x.length / 2;
  const shape = `${config.blocks}/${config.width}/${config.classes}/${points}`;
  if (shape !== preparedFor) {
    k.prepare(config.blocks, config.width, config.classes, points);
    preparedFor = shape;
  }
  const view = (index: number, length: number) =>
    new Float32Array(k.memory.buffer, k.ioPointer(index), length);
  const size = input.theta.length;
  view(IO.theta, size).set(input.theta);
  view(IO.first, size).set(input.first);
  view(IO.second, size).set(input.second);
  view(IO.x, input.x.length).set(input.x);
  view(IO.oneHot, input.oneHot.length).set(input.oneHot);
  k.step(
    config.stepSize,
    config.activation,
    config.headTrainable ? 1 : 0,
    config.penalty,
    config.weight,
    config.tau,
    config.updateMultiplier ? 1 : 0,
    input.lambda,
    config.optimizer,
    config.learningRate,
    config.beta1,
    config.beta2,
    config.epsilon,
    config.momentum,
    config.beta1Power,
    config.beta2Power,
  );
  output.theta.set(view(IO.outTheta, size));
  output.first.set(view(IO.outFirst, size));
  output.second.set(view(IO.outSecond, size));
  output.stats.set(view(IO.stats, 5));
}
