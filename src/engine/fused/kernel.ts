/**
 * The fused training step as a tfjs custom kernel ("LalFusedTrainStep"), so that the engine keeps
 * working with tensors while a step runs as one WebAssembly call on the CPU and WASM backends
 * (cpuStep.ts, on the backends' own memory) or as eight WGSL dispatches on WebGPU
 * (webgpuPrograms.ts). WebGL does not have it; the engine then uses the composed ops (reference).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../core/backends';
import { RECORD_LENGTH } from './contract';
import type { FusedStepConfig } from './stepConfig';
import { cpuFusedStep, cpuStepSupported } from './cpuStep';
import type { UpdateOutput } from './webgpuPrograms';
import {
  adjointProgram,
  clipProgram,
  forwardProgram,
  gradientProgram,
  statsProgram,
  updateProgram,
} from './webgpuPrograms';
import type { FusedProgram, ProgramCall, ProgramUniform } from './webgpuShared';
import { MAX_FUSED_CLASSES } from './webgpuShared';

export const FUSED_STEP_KERNEL = 'LalFusedTrainStep';

/** Reading and writing float32 tensor memory of a backend from JavaScript. */
interface TensorMemory {
  allocate(shape: number[]): tf.TensorInfo;
  view(tensor: tf.TensorInfo): Float32Array;
}

interface CpuBackendLike {
  data: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
}

interface WasmBackendLike {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo;
  typedArrayFromHeap(tensor: tf.TensorInfo): Float32Array;
}

interface WebGPUBackendLike {
  runWebGPUProgram(
    program: FusedProgram,
    inputs: tf.TensorInfo[],
    dtype: 'float32',
    uniforms: ProgramUniform[],
  ): tf.TensorInfo;
  disposeData(dataId: object): boolean;
}

interface StepInputs {
  theta: tf.TensorInfo;
  first: tf.TensorInfo;
  second: tf.TensorInfo;
  x: tf.TensorInfo;
  oneHot: tf.TensorInfo;
  lambda: tf.TensorInfo;
}

function tensorMemory(backend: tf.KernelBackend): TensorMemory {
  if ('typedArrayFromHeap' in backend) {
    const wasm = backend as unknown as WasmBackendLike;
    return {
      allocate: (shape) => wasm.makeOutput(shape, 'float32'),
      view: (t) => wasm.typedArrayFromHeap(t),
    };
  }
  const cpu = backend as unknown as CpuBackendLike;
  return {
    allocate: (shape) =>
      cpu.makeTensorInfo(shape, 'float32', new Float32Array(shape.reduce((a, b) => a * b, 1))),
    view: (t) => cpu.data.get(t.dataId).values,
  };
}

const cpuKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const memory = tensorMemory(backend as tf.KernelBackend);
  const { theta, first, second, x, oneHot, lambda } = inputs as unknown as StepInputs;
  const size = theta.shape[0];
  // Allocate every output before taking views: a WASM heap that grows detaches earlier views.
  const outputs = [
    memory.allocate([size]),
    memory.allocate([size]),
    memory.allocate([size]),
    memory.allocate([RECORD_LENGTH]),
  ];
  cpuFusedStep(
    attrs as unknown as FusedStepConfig,
    {
      theta: memory.view(theta),
      first: memory.view(first),
      second: memory.view(second),
      x: memory.view(x),
      oneHot: memory.view(oneHot),
      lambda: memory.view(lambda)[0],
    },
    {
      theta: memory.view(outputs[0]),
      first: memory.view(outputs[1]),
      second: memory.view(outputs[2]),
      record: memory.view(outputs[3]),
    },
  );
  return outputs;
};

const webgpuKernel: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const gpu = backend as unknown as WebGPUBackendLike;
  const config = attrs as unknown as FusedStepConfig;
  const { theta, first, second, x, oneHot, lambda } = inputs as unknown as StepInputs;
  const size = theta.shape[0];
  const points = x.shape[0];
  const run = ([program, uniforms]: ProgramCall, programInputs: tf.TensorInfo[]) =>
    gpu.runWebGPUProgram(program, programInputs, 'float32', uniforms);
  const trace = run(forwardProgram(config, points), [theta, x, oneHot]);
  const stats = run(statsProgram(config, points), [trace, lambda]);
  const adjoint = run(adjointProgram(config, points), [theta, trace, oneHot, stats]);
  const gradient = run(gradientProgram(config, points, size), [theta, trace, adjoint, oneHot]);
  const clip = run(clipProgram(config, size), [gradient]);
  const updated = (['theta', 'first', 'second'] as UpdateOutput[]).map((output) =>
    run(updateProgram(config, size, output), [theta, first, second, gradient, clip]),
  );
  for (const intermediate of [trace, adjoint, gradient, clip]) gpu.disposeData(intermediate.dataId);
  return [...updated, stats];
};

/** Registers the fused kernel for the backends that have it (once; CPU and WASM need WebAssembly SIMD). */
export function registerFusedKernels(): void {
  const kernels: [BackendName, tf.KernelFunc][] = [['webgpu', webgpuKernel]];
  if (cpuStepSupported()) kernels.push(['cpu', cpuKernel], ['wasm', cpuKernel]);
  for (const [backendName, kernelFunc] of kernels) {
    if (!tf.getKernel(FUSED_STEP_KERNEL, backendName))
      tf.registerKernel({ kernelName: FUSED_STEP_KERNEL, backendName, kernelFunc });
  }
}

/** Whether the active backend has the fused step for a model with this many classes. */
export function fusedStepAvailable(classes: number): boolean {
  const backend = tf.getBackend();
  if (backend === 'webgpu' && classes > MAX_FUSED_CLASSES) return false;
  return tf.getKernel(FUSED_STEP_KERNEL, backend) !== undefined;
}

/** Runs the fused step: the new theta, first and second moments, and the step record (contract.ts). */
export function runFusedStep(
  inputs: {
    theta: tf.Tensor;
    first: tf.Tensor;
    second: tf.Tensor;
    x: tf.Tensor;
    oneHot: tf.Tensor;
    lambda: tf.Tensor;
  },
  config: FusedStepConfig,
): [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] {
  return tf.engine().runKernel(FUSED_STEP_KERNEL, inputs, config as unknown as tf.NamedAttrMap) as [
    tf.Tensor1D,
    tf.Tensor1D,
    tf.Tensor1D,
    tf.Tensor1D,
  ];
}
