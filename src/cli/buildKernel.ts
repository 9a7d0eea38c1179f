/** `npm run build:kernel`: recompiles the fused CPU step and rewrites the module that embeds it. */
import { writeFileSync } from 'node:fs';
import { compileKernel, KERNEL_MODULE, renderKernelModule } from './kernelBuild';

const binary = await compileKernel();
writeFileSync(KERNEL_MODULE, renderKernelModule(binary));
console.log(`${KERNEL_MODULE}: ${binary.length} bytes of WebAssembly`);
