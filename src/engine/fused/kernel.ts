/**
 * The fused training step as a tfjs custom kernel ("LalFusedTrainStep") for the CPU and WASM
 * backends, so that the engine keeps working with tensors while a step runs as one WebAssembly call
 * (cpuStep.ts) on the backends' own memory. Other backends do not have it; the engine then uses the
 * composed ops (reference engine).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../../core/backends';
import type { FusedStepConfig } from './cpuStep';
import { cpuFusedStep, cpuStepSupported } from './cpuStep';

export const FUSED_STEP_KERNEL = 'LalFusedTrainStep';

/** Backends with a fused step. */
export const FUSED_BACKENDS: readonly BackendName[] = ['cpu', 'wasm'];

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

const kernelFunc: tf.KernelFunc = ({ inputs, attrs, backend }) => {
  const memory = tensorMemory(backend as tf.KernelBackend);
  const { theta, first, second, x, oneHot, lambda } = inputs as Record<string, tf.TensorInfo>;
  const size = theta.shape[0];
  // Allocate every output before taking views: a WASM heap that grows detaches earlier views.
  const outputs = [
    memory.allocate([size]),
    memory.allocate([size]),
    memory.allocate([size]),
    memory.allocate([5]),
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
      stats: memory.view(outputs[3]),
    },
  );
  return outputs;
};

/** Registers the fused kernel for the backends that have it (once; none without WebAssembly SIMD). */
export function registerFusedKernels(): void {
  if (!cpuStepSupported()) return;
  for (const backendName of FUSED_BACKENDS) {
    if (!tf.getKernel(FUSED_STEP_KERNEL, backendName))
      tf.registerKernel({ kernelName: FUSED_STEP_KERNEL, backendName, kernelFunc });
  }
}

/** Whether the active backend has the fused step. */
export function fusedStepAvailable(): boolean {
  return tf.getKernel(FUSED_STEP_KERNEL, tf.getBackend()) !== undefined;
}

/** Runs the fused step: the new theta, first and second moments, and the step's stats [5]. */
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
