import { describe, expect, it } from 'vitest';
import { meanAndSpread, runScienceCheck, SCIENCE_CHECK } from './scienceCheck';

describe('scientific check: least action on scarce data (CPU backend)', () => {
  it('ends with a lower kinetic cost than vanilla on every seed, at no more than 1 point of mean test accuracy', async () => {
    const rows = await runScienceCheck('cpu');
    const byMode = (name: string) => rows.filter((r) => r.mode === name).sort((a, b) => a.seed - b.seed);
    const vanilla = byMode('vanilla');
    const leastAction = byMode('least action');
    expect(vanilla).toHaveLength(SCIENCE_CHECK.seeds.length);
    for (let i = 0; i < vanilla.length; i++) {
      expect(leastAction[i].output.diverged).toBeNull();
      expect(leastAction[i].output.C, `seed ${vanilla[i].seed}`).toBeLessThan(vanilla[i].output.C);
    }
    const test = (r: typeof rows) => meanAndSpread(r.map((x) => x.output.testAccuracy)).mean;
    expect(test(leastAction)).toBeGreaterThanOrEqual(test(vanilla) - 0.01);
  }, 300_000);
});
