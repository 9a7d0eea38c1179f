import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { defaultLink, SPIKE_CHECK, spikeRun } from './spikeCheck';

beforeAll(useCpuBackend);

// The whole sweep (every dataset the default network fits, five seeds) is `npm run spikes`; the unit
// suite keeps, within its time budget, to circles (the dataset of the report that started it) and
// the spiral (the one that still spiked before gradient clipping became a default).
describe.each(['circles', 'spiral'] as const)(
  'no loss spike at default settings on %s (CPU backend)',
  (data) => {
    it.each(SPIKE_CHECK.seeds)(
      `seed %i: once below ${SPIKE_CHECK.low}, the training loss never exceeds ${SPIKE_CHECK.high} in ${SPIKE_CHECK.steps} steps`,
      async (seed) => {
        const row = await spikeRun(defaultLink(data, seed), SPIKE_CHECK.steps);
        expect(row.convergedAt, 'converged').not.toBeNull();
        expect(row.worst, `highest loss after convergence (step ${row.worstAt})`).toBeLessThanOrEqual(
          SPIKE_CHECK.high,
        );
      },
      // About 8 s a seed on an idle 2-core machine; a loaded one takes many times that.
      900_000,
    );
  },
);
