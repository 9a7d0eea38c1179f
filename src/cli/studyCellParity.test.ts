import { describe, expect, it } from 'vitest';
import { runScenario } from './runScenario';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { runNumbers } from '../scenario/studyRows';
import { createCellTrainer } from '../worker/studyCell';

describe('a study run in a page worker', () => {
  it('gives the numbers npm run train gives for the same link and steps', async () => {
    const train = createCellTrainer(nodeBackendCandidates(), () => performance.now());
    for (const [link, steps] of [
      ['v=2&n=30&noise=0.25&K=4&width=8&penalty=off&steps=120', 120],
      ['v=2&n=60&seed=3&K=3&width=8&steps=80', 80],
      ['v=2&n=30&K=3&penalty=off', 0],
    ] as const) {
      const result = await train({ link, steps });
      const alone = await runScenario({ scenario: link, steps, backend: 'cpu' });
      alone.trainer.dispose();
      expect({ ...result, seconds: 0 }, link).toEqual({
        ...runNumbers(alone.output),
        seconds: 0,
        diverged: alone.output.diverged,
      });
    }
  }, 60_000);
});
