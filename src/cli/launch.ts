/**
 * Runs a TypeScript entry that uses tfjs under Node: tfjs ships its gradients only as browser-style
 * ES modules (directory imports) that Node cannot load, so the entry is bundled with esbuild first
 * (module fields, one copy of tfjs-core) and the bundle is then imported with the remaining arguments.
 * Usage: tsx src/cli/launch.ts <entry.ts> [arguments for the entry...]
 */
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: tsx src/cli/launch.ts <entry.ts> [arguments...]');
  process.exit(2);
}
const outDir = resolve('.cache/cli');
mkdirSync(outDir, { recursive: true });
// One bundle per process, inside the project so that the bundle resolves node_modules from there.
const outfile = resolve(outDir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
process.on('exit', () => rmSync(outfile, { force: true }));
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Tools the benchmarks drive are loaded from node_modules as they are, not bundled.
  external: ['vite', 'playwright', 'playwright-core', '@playwright/test', 'esbuild', 'fsevents'],
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
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
