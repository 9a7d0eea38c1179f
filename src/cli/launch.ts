/**
 * Runs a TypeScript entry that uses tfjs under Node: the entry is bundled first (nodeBundle.ts) and
 * the bundle is then imported with the remaining arguments.
 * Usage: tsx src/cli/launch.ts <entry.ts> [arguments for the entry...]
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode } from './nodeBundle';

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
await bundleForNode(entry, outfile);
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
