/**
 * Backends for Node (the CLI and benchmarks): the plain JavaScript CPU backend, and WASM with its
 * .wasm files read from the installed @tensorflow/tfjs-backend-wasm package.
 */
import '@tensorflow/tfjs-backend-cpu';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BackendCandidate } from './backend';

export function nodeBackendCandidates(): BackendCandidate[] {
  return [
    { name: 'cpu', prepare: async () => null },
    {
      name: 'wasm',
      prepare: async () => {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        const packageJson = createRequire(import.meta.url).resolve(
          '@tensorflow/tfjs-backend-wasm/package.json',
        );
        wasm.setWasmPaths(`${join(dirname(packageJson), 'dist')}/`);
        return null;
      },
    },
  ];
}
