/**
 * WebGPU in Node through Dawn: the dawn.node file DAWN_NODE names (a GPU machine, see
 * ../shared/tools/gpu-bench), else the `webgpu` package. Without a GPU, the process must start with
 * a Vulkan driver to use (e2e/chromium.ts softwareVulkanEnv gives Chromium's SwiftShader).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRequire } from 'node:module';

interface Dawn {
  create(flags: string[]): GPU;
  globals: object;
}

/** Puts navigator.gpu in place (before tfjs-backend-webgpu is imported, which looks for it). */
async function installNavigatorGpu(): Promise<void> {
  if ((globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu) return;
  const path = process.env.DAWN_NODE;
  const dawn: Dawn = path ? createRequire(import.meta.url)(path) : await import('webgpu');
  Object.assign(globalThis, dawn.globals);
  Object.defineProperty(globalThis, 'navigator', {
    value: { gpu: dawn.create([]) },
    configurable: true,
    writable: true,
  });
}

/** Selects tfjs's WebGPU backend on Dawn; throws when no adapter comes back. */
export async function useNodeWebGPU(): Promise<void> {
  await installNavigatorGpu();
  await import('@tensorflow/tfjs-backend-webgpu');
  tf.env().set('PROD', true);
  if (!(await tf.setBackend('webgpu'))) {
    throw new Error(
      'No WebGPU adapter from Dawn. Without a GPU, start the process with VK_ICD_FILENAMES and ' +
        'LD_LIBRARY_PATH pointing at a software Vulkan driver (Debian chromium ships SwiftShader).',
    );
  }
  await tf.ready();
}
