import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { defaultLink, SPIKE_CHECK, spikeRun } from './spikeCheck';

beforeAll(useCpuBackend);

// The whole sweep (every dataset, five seeds) is `npm run spikes`; the unit suite keeps to the
// dataset of the report that started it, circles, within its time budget.
describe('no loss spike at default settings (CPU backend)', () => {
  it.each(SPIKE_CHECK.seeds)(
    `circles, seed %i: once below ${SPIKE_CHECK.low}, the training loss never exceeds ${SPIKE_CHECK.high} in ${SPIKE_CHECK.steps} steps`,
    async (seed) => {
      const row = await spikeRun(defaultLink('circles', seed), SPIKE_CHECK.steps);
      expect(row.convergedAt, 'converged').not.toBeNull();
      expect(row.worst, `highest loss after convergence (step ${row.worstAt})`).toBeLessThanOrEqual(
        SPIKE_CHECK.high,
      );
    },
    // About 8 s a seed on an idle 2-core machine; a loaded one takes many times that.
    900_000,
  );
});
