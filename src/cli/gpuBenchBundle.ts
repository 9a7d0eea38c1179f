/**
 * `npm run bench:gpu-bundle`: bench/gpu.ts as one self-contained ES module for a GPU machine without a
 * browser or a package registry (../shared/tools/gpu-bench: pack.sh takes this file, run.sh runs it
 * with DAWN_NODE set). Everything is bundled except Dawn itself, which DAWN_NODE provides.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleForNode } from './nodeBundle';

const outfile = resolve('.cache/gpu-bench/bench.mjs');
mkdirSync(resolve('.cache/gpu-bench'), { recursive: true });
await bundleForNode('bench/gpu.ts', outfile);
console.log(outfile);
console.log(
  `next: bash ../shared/tools/gpu-bench/pack.sh ${outfile}  (then carry .gpubench, run bash .gpubench/run.sh)`,
);
