/**
 * `npm run build:kernel`: renders the AssemblyScript contract, recompiles the fused CPU step and
 * rewrites the module that embeds it.
 */
import { writeFileSync } from 'node:fs';
import {
  compileKernel,
  KERNEL_CONTRACT,
  KERNEL_MODULE,
  renderKernelContract,
  renderKernelModule,
} from './kernelBuild';

const contract = renderKernelContract();
writeFileSync(KERNEL_CONTRACT, contract);
const binary = await compileKernel(contract);
writeFileSync(KERNEL_MODULE, renderKernelModule(binary));
console.log(`${KERNEL_CONTRACT}, ${KERNEL_MODULE}: ${binary.length} bytes of WebAssembly`);
