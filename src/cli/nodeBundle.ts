/**
 * Bundles a TypeScript entry that uses tfjs into one ES module Node can run: tfjs ships its gradients
 * only as browser-style ES modules (directory imports) that Node cannot load, so everything is
 * bundled with esbuild (module fields, one copy of tfjs-core).
 */
import { build } from 'esbuild';

export async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    mainFields: ['module', 'main'],
    // Tools the benchmarks drive (and Dawn, a native module) are loaded from node_modules as they are.
    external: ['vite', 'playwright', 'playwright-core', '@playwright/test', 'esbuild', 'fsevents', 'webgpu'],
    logLevel: 'warning',
    // CommonJS parts of the bundle (Emscripten's loader in the wasm backend) expect these names.
    banner: {
      js: [
        "import { createRequire as __lalRequire } from 'node:module';",
        "import { dirname as __lalDirname } from 'node:path';",
        "import { fileURLToPath as __lalPath } from 'node:url';",
        'const require = __lalRequire(import.meta.url);',
        'const __filename = __lalPath(import.meta.url);',
        'const __dirname = __lalDirname(__filename);',
      ].join(' '),
    },
  });
}
