import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { softwareVulkanEnv } from './e2e/chromium';

// WebGPU tests run on Dawn in Node; without a GPU driver named, use Chromium's software one. The test
// processes are forked from this one, so they start with this environment.
if (!process.env.VK_ICD_FILENAMES) Object.assign(process.env, softwareVulkanEnv());

const tfjsDir = fileURLToPath(new URL('./node_modules/@tensorflow/', import.meta.url));

// tfjs packages point Node at CommonJS bundles, but their gradient registrations exist only as ES
// modules; loading both would give two copies of tfjs-core. The alias sends every tfjs package to
// its ES entry, and Vitest runs those files through Vite's resolver (Node cannot load them directly).
export default defineConfig({
  resolve: {
    alias: [{ find: /^@tensorflow\/(tfjs-[a-z-]+)$/, replacement: `${tfjsDir}$1/dist/index.js` }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    server: { deps: { inline: [/@tensorflow/] } },
    testTimeout: 60_000,
  },
});
