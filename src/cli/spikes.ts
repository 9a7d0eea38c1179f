/**
 * `npm run spikes [-- --steps N --seeds 1,2 --data moons,circles --extra "&eps=1e-7"]`: the loss-spike
 * check (spikeCheck.ts) on the CPU backend; prints one table row per run as it finishes, and exits
 * with code 1 when a run spiked. `--extra` appends link parameters (to compare other settings).
 */
import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';
import type { DatasetKind } from '../core/types';
import { selectBackend } from '../engine/backend';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { defaultLink, SPIKE_CHECK, SPIKE_TABLE_HEADER, spikeRun, spikeTableRow } from './spikeCheck';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: String(SPIKE_CHECK.steps) },
    seeds: { type: 'string', default: SPIKE_CHECK.seeds.join(',') },
    data: { type: 'string', default: SPIKE_CHECK.datasets.join(',') },
    extra: { type: 'string', default: '' },
  },
});
const steps = Number(values.steps);
const seeds = values.seeds.split(',').map(Number);
const datasets = values.data.split(',') as DatasetKind[];
if (!(steps > 0) || seeds.some((s) => !(s >= 1))) {
  console.error(
    'usage: npm run spikes [-- --steps N --seeds 1,2,3 --data moons,circles --extra "&key=value"]',
  );
  process.exit(2);
}
tf.env().set('PROD', true);
await selectBackend('cpu', nodeBackendCandidates());
console.log(
  `CPU backend, ${steps.toLocaleString('en-US')} steps per run${values.extra ? `, ${values.extra}` : ''}\n`,
);
console.log(SPIKE_TABLE_HEADER.join('\n'));
let spikes = 0;
for (const data of datasets) {
  for (const seed of seeds) {
    const row = await spikeRun(defaultLink(data, seed, values.extra), steps);
    if (row.spiked) spikes++;
    console.log(spikeTableRow(row));
  }
}
console.log(`\n${spikes} of ${datasets.length * seeds.length} runs spiked.`);
process.exitCode = spikes > 0 ? 1 : 0;
