import { defineConfig } from 'vitest/config';

// tfjs publishes ES modules that Node cannot load directly (directory imports), so Vitest runs them
// through Vite's resolver, which also keeps a single copy of tfjs-core and its kernel registries.
export default defineConfig({
  resolve: { mainFields: ['module', 'main'] },
  test: {
    include: ['src/**/*.test.ts'],
    server: { deps: { inline: [/@tensorflow/] } },
    testTimeout: 60_000,
  },
});
