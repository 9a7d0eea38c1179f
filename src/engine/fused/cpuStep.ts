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

/** The module, prepared for this model and batch size. */
function preparedKernel(config: FusedStepConfig, points: number): KernelExports {
  if (!cpuStepSupported()) throw new Error('The fused CPU step needs WebAssembly with SIMD.');
  const k = kernel!;
  const shape = `${config.blocks}/${config.width}/${config.classes}/${points}`;
  if (shape !== preparedFor) {
    k.prepare(config.blocks, config.width, config.classes, points);
    preparedFor = shape;
  }
  return k;
}

function ioView(k: KernelExports, index: number, length: number): Float32Array {
  return new Float32Array(k.memory.buffer, k.ioPointer(index), length);
}

/** One step on what the IO block holds, with lambda; the outputs land in the block's out arrays. */
function runStep(k: KernelExports, config: FusedStepConfig, lambda: number): void {
  k.step(
    config.stepSize,
    config.activation,
    config.headTrainable ? 1 : 0,
    config.penalty,
    config.weight,
    config.tau,
    config.updateMultiplier ? 1 : 0,
    lambda,
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
}

export function cpuFusedStep(
  config: FusedStepConfig,
  input: FusedStepInputs,
  output: FusedStepOutputs,
): void {
  const k = preparedKernel(config, input.x.length / 2);
  const size = input.theta.length;
  ioView(k, IO_ARRAYS.theta, size).set(input.theta);
  ioView(k, IO_ARRAYS.first, size).set(input.first);
  ioView(k, IO_ARRAYS.second, size).set(input.second);
  ioView(k, IO_ARRAYS.points, input.x.length).set(input.x);
  ioView(k, IO_ARRAYS.oneHot, input.oneHot.length).set(input.oneHot);
  runStep(k, config, input.lambda);
  output.theta.set(ioView(k, IO_ARRAYS.outTheta, size));
  output.first.set(ioView(k, IO_ARRAYS.outFirst, size));
  output.second.set(ioView(k, IO_ARRAYS.outSecond, size));
  output.record.set(ioView(k, IO_ARRAYS.record, RECORD_LENGTH));
}

/** The optimiser state a run of steps starts from and leaves: theta and the moments [P]. */
export interface FusedStepState {
  theta: Float32Array;
  first: Float32Array;
  second: Float32Array;
}

/**
 * Steps one after the other inside the module: the state stays in the IO block, each step's outputs
 * becoming the next step's inputs, so a step costs one call and no copy out. Each step is the same
 * call on the same inputs as cpuFusedStep, so a run of steps gives the same numbers to the bit. Hold
 * no other use of the module between open and read (the engine runs one step at a time per thread).
 */
export class CpuStepLoop {
  private readonly k: KernelExports;
  private readonly size: number;
  /** Float offsets in the module's memory: each out array and the in array it becomes. */
  private readonly moves: [number, number][];

  /** Loads the state and the batch (points [N][2], one-hot [N][C]) for steps of this model. */
  constructor(config: FusedStepConfig, state: FusedStepState, x: Float32Array, oneHot: Float32Array) {
    this.k = preparedKernel(config, x.length / 2);
    this.size = state.theta.length;
    this.moves = (
      [
        [IO_ARRAYS.outTheta, IO_ARRAYS.theta],
        [IO_ARRAYS.outFirst, IO_ARRAYS.first],
        [IO_ARRAYS.outSecond, IO_ARRAYS.second],
      ] as const
    ).map(([from, to]) => [this.k.ioPointer(from) >> 2, this.k.ioPointer(to) >> 2]);
    ioView(this.k, IO_ARRAYS.theta, this.size).set(state.theta);
    ioView(this.k, IO_ARRAYS.first, this.size).set(state.first);
    ioView(this.k, IO_ARRAYS.second, this.size).set(state.second);
    this.setBatch(x, oneHot);
  }

  /** Replaces the batch (same number of points). */
  setBatch(x: Float32Array, oneHot: Float32Array): void {
    ioView(this.k, IO_ARRAYS.points, x.length).set(x);
    ioView(this.k, IO_ARRAYS.oneHot, oneHot.length).set(oneHot);
  }

  /** One step; writes its record [RECORD_LENGTH] into `record`. */
  step(config: FusedStepConfig, lambda: number, record: Float32Array): void {
    runStep(this.k, config, lambda);
    const memory = new Float32Array(this.k.memory.buffer);
    for (const [from, to] of this.moves) memory.copyWithin(to, from, from + this.size);
    record.set(ioView(this.k, IO_ARRAYS.record, RECORD_LENGTH));
  }

  /** The state after the last step. */
  read(): FusedStepState {
    return {
      theta: ioView(this.k, IO_ARRAYS.theta, this.size).slice(),
      first: ioView(this.k, IO_ARRAYS.first, this.size).slice(),
      second: ioView(this.k, IO_ARRAYS.second, this.size).slice(),
    };
  }
}
