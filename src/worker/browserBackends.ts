/**
 * The backends the worker can use in a browser. Each is imported only when tried, so a page that
 * trains on WASM never downloads WebGL or WebGPU code. The WASM binaries are served by the app
 * itself (Vite emits them as assets), never from a CDN.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendCandidate } from '../engine/backend';

/** True for adapters that emulate a GPU in software (correct but far too slow to train on). */
export function isSoftwareAdapter(info: GPUAdapterInfo, isFallback: boolean): boolean {
  const text = `${info.vendor} ${info.architecture} ${info.description}`.toLowerCase();
  return isFallback || /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/.test(text);
}

function describeAdapter(info: GPUAdapterInfo): string {
  return [info.vendor, info.architecture, info.description].filter((s) => s).join(' ') || 'unknown adapter';
}

export function browserBackendCandidates(): BackendCandidate[] {
  let adapterDescription = '';
  return [
    {
      name: 'webgpu',
      prepare: async (requested) => {
        const gpu = (globalThis.navigator as Navigator & { gpu?: GPU }).gpu;
        if (!gpu) return 'this browser has no WebGPU';
        const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
        if (!adapter) return 'the browser offered no WebGPU adapter';
        const info = adapter.info;
        const fallback =
          (info as GPUAdapterInfo & { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
        adapterDescription = describeAdapter(info);
        if (isSoftwareAdapter(info, fallback) && !requested) {
          return `the only adapter is a software one (${adapterDescription}), too slow to train on`;
        }
        await import('@tensorflow/tfjs-backend-webgpu');
        return null;
      },
      describe: () => adapterDescription,
    },
    {
      name: 'wasm',
      prepare: async () => {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        wasm.setWasmPaths({
          'tfjs-backend-wasm.wasm': wasmPlainUrl,
          'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
          'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
        });
        return null;
      },
    },
    {
      name: 'webgl',
      prepare: async () => {
        if (typeof OffscreenCanvas === 'undefined') return 'no OffscreenCanvas in this worker';
        await import('@tensorflow/tfjs-backend-webgl');
        return null;
      },
    },
    {
      name: 'cpu',
      prepare: async () => {
        await import('@tensorflow/tfjs-backend-cpu');
        return null;
      },
    },
  ];
}
