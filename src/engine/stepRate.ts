/**
 * How fast the active backend trains a run's shapes: a throwaway Trainer of the same configuration
 * takes a few warm-up steps (they compile the backend's programs), then steps in growing chunks, each
 * ending in a readback so that an asynchronous backend (WebGPU) has really finished, until the budget
 * is spent. The live run is untouched.
 */
import type { RunConfig } from '../core/types';
import { Trainer } from './trainer';

/** Steps whose time is not counted: the first ones compile pipelines and fill buffer pools. */
const WARM_UP_STEPS = 3;
/** Largest chunk of steps between two readbacks. */
const MAX_CHUNK = 256;

/**
 * Steps per second of `config` on the active backend, timed over about `budgetMs` after the warm-up.
 * @param now milliseconds, monotonic
 */
export async function measureStepRate(
  config: RunConfig,
  budgetMs: number,
  now: () => number,
): Promise<number> {
  const trainer = new Trainer(config);
  try {
    for (let i = 0; i < WARM_UP_STEPS; i++) trainer.step();
    await trainer.takeHistory();
    const started = now();
    let steps = 0;
    let chunk = 1;
    do {
      for (let i = 0; i < chunk; i++) trainer.step();
      await trainer.takeHistory();
      steps += chunk;
      chunk = Math.min(MAX_CHUNK, chunk * 2);
    } while (now() - started < budgetMs);
    return (steps * 1000) / Math.max(1e-3, now() - started);
  } finally {
    trainer.dispose();
  }
}
