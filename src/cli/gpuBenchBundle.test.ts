/**
 * The GPU benchmark bundle (`npm run bench:gpu-bundle`) keeps building: bench/gpu.ts and everything
 * it imports go into one ES module that Node can parse, with Dawn left to the GPU machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleForNode } from './nodeBundle';

const dir = mkdtempSync(join(tmpdir(), 'gpu-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the GPU benchmark bundle', () => {
  it('builds into one module that Node parses, importing only Dawn from outside', async () => {
    const outfile = join(dir, 'bench.mjs');
    await bundleForNode('bench/gpu.ts', outfile);
    const code = readFileSync(outfile, 'utf8');
    expect(code.length).toBeGreaterThan(100_000);
    // The fused WGSL step and the reference engine are both inside.
    expect(code).toMatch(/fused/);
    expect(code).toMatch(/@compute/);
    const imports = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !isBuiltin(name) && name !== 'webgpu')).toEqual([]);
    execFileSync(process.execPath, ['--check', outfile]);
  });
});
