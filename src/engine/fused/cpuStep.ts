/**
 * The fused CPU step (cpuStep.as.ts, compiled to WebAssembly with SIMD) behind a typed-array call:
 * the inputs are copied into the module's memory, one call computes the whole step, the outputs are
 * copied out. The module is instantiated on first use, synchronously (it is 12 KB, and the engine
 * runs in a worker or in Node).
 */
import { IO_ARRAYS, RECORD_LENGTH } from './contract';
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

/** Outputs: the new theta and moments [P], and the step record [RECORD_LENGTH] (see contract.ts). */
export interface FusedStepOutputs {
  theta: Float32Array;
  first: Float32Array;
  second: Float32Array;
  record: Float32Array;
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
  view(IO_ARRAYS.theta, size).set(input.theta);
  view(IO_ARRAYS.first, size).set(input.first);
  view(IO_ARRAYS.second, size).set(input.second);
  view(IO_ARRAYS.points, input.x.length).set(input.x);
  view(IO_ARRAYS.oneHot, input.oneHot.length).set(input.oneHot);
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
    config.gradientClip,
    config.beta1Power,
    config.beta2Power,
  );
  output.theta.set(view(IO_ARRAYS.outTheta, size));
  output.first.set(view(IO_ARRAYS.outFirst, size));
  output.second.set(view(IO_ARRAYS.outSecond, size));
  output.record.set(view(IO_ARRAYS.record, RECORD_LENGTH));
}
