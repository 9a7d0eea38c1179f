import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernel, KERNEL_MODULE, renderKernelModule } from './kernelBuild';

describe('the embedded fused CPU step', () => {
  it('is the compiled current source (run `npm run build:kernel` after editing cpuStep.as.ts)', async () => {
    const binary = await compileKernel();
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(renderKernelModule(binary));
  });
});
