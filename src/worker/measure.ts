/**
 * The answer to a `measure` command: the scenario's fused training step timed on each backend asked
 * for, one after the other, on throwaway runs (src/engine/stepRate.ts). It runs in a probe worker, so
 * the training worker goes on meanwhile; a backend that cannot be used, or has no fused step, is
 * reported with the reason.
 */
import type { BackendCandidate } from '../engine/backend';
import { activateBackend } from '../engine/backend';
import { measureStepRate } from '../engine/stepRate';
import { effectiveEngine } from '../engine/trainingStep';
import { runConfig } from '../scenario/runConfig';
import type { BackendMeasurement, WorkerCommand, WorkerEvent } from './protocol';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function measureBackends(
  command: Extract<WorkerCommand, { type: 'measure' }>,
  candidates: readonly BackendCandidate[],
  now: () => number,
): Promise<BackendMeasurement[]> {
  const config = runConfig({ ...command.scenario, engine: 'fused' });
  const results: BackendMeasurement[] = [];
  for (const backend of command.backends) {
    const candidate = candidates.find((c) => c.name === backend);
    const problem = candidate
      ? await activateBackend(candidate, command.allowSoftware)
      : 'not available in this build';
    if (problem !== null) {
      results.push({ backend, stepsPerSecond: null, reason: problem });
      continue;
    }
    if (effectiveEngine('fused', config.model) !== 'fused') {
      results.push({ backend, stepsPerSecond: null, reason: 'it has no fused training step' });
      continue;
    }
    try {
      const rate = await measureStepRate(config, command.budgetMs, now);
      results.push({ backend, stepsPerSecond: rate / (command.timeScale[backend] ?? 1), reason: null });
    } catch (error) {
      results.push({ backend, stepsPerSecond: null, reason: messageOf(error) });
    }
  }
  return results;
}

/** The `measured` event answering a `measure` command. */
export async function measuredEvent(
  command: Extract<WorkerCommand, { type: 'measure' }>,
  candidates: readonly BackendCandidate[],
  now: () => number,
): Promise<WorkerEvent> {
  return { type: 'measured', id: command.id, results: await measureBackends(command, candidates, now) };
}
