import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileKernel,
  KERNEL_CONTRACT,
  KERNEL_MODULE,
  renderKernelContract,
  renderKernelModule,
} from './kernelBuild';

describe('the embedded fused CPU step (run `npm run build:kernel` after editing it or its contract)', () => {
  it('reads the current contract (contract.as.ts is rendered from contract.ts)', () => {
    expect(readFileSync(KERNEL_CONTRACT, 'utf8')).toBe(renderKernelContract());
  });

  it('is the compiled current source with the current contract', async () => {
    const binary = await compileKernel(renderKernelContract());
    expect(readFileSync(KERNEL_MODULE, 'utf8')).toBe(renderKernelModule(binary));
  });
});
