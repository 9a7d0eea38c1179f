/**
 * Training throughput on WebGPU in Node through Dawn, reference against fused, scenarios A and B.
 * `npm run bench` runs it as a child process (here on Chromium's software Vulkan driver); bundled by
 * `npm run bench:gpu-bundle`, it is the entry ../shared/tools/gpu-bench runs on a GPU machine, where
 * DAWN_NODE names dawn.node. Prints the table, or with --json {adapter, training}.
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';
import { useNodeWebGPU } from '../src/engine/nodeWebGPU';
import { trainingTable } from './report';
import { benchBackends } from './training';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    repeats: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '3' },
  },
});
const log = (line: string) => console.error(line);

await useNodeWebGPU();
const info = (tf.backend() as { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
const adapter = [info?.vendor, info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
log(`WebGPU adapter: ${adapter}`);
const training = await benchBackends(['webgpu'], 'dawn', async () => undefined, {
  repeats: Math.max(1, Number(values.repeats) || 3),
  seconds: Math.max(0.5, Number(values.seconds) || 3),
  log,
});
console.log(
  values.json
    ? JSON.stringify({ adapter, training })
    : `WebGPU adapter: ${adapter}\n${trainingTable(training)}`,
);
delete (globalThis as { navigator?: unknown }).navigator;
process.exit(0);
