/**
 * The commands a session answers without changing its run: `export` (the trained state), `probe`
 * (what tfjs holds), `simulate` (the test hook's faults) and `measure` (the backends timed, in a
 * probe worker). Kept apart from session.ts, which owns the run.
 */
import { destroyGpuDevice, tensorMemory } from '../engine/backend';
import type { Trainer } from '../engine/trainer';
import { fullState } from './checkpoints';
import { measuredEvent } from './measure';
import type { WorkerCommand } from './protocol';
import type { SessionHost } from './session';

type Query = Extract<WorkerCommand, { type: 'export' | 'probe' | 'simulate' | 'measure' }>;

/** Whether the session answers `command` with answerQuery. */
export function isQuery(command: WorkerCommand): command is Query {
  return ['export', 'probe', 'simulate', 'measure'].includes(command.type);
}

/** Answers a query about the run `runId` (trained by `trainer`, if any). */
export async function answerQuery(
  command: Query,
  trainer: Trainer | null,
  runId: number,
  host: SessionHost,
): Promise<void> {
  switch (command.type) {
    case 'export': {
      if (!trainer) return;
      const state = await fullState(trainer);
      host.post({ type: 'trained', id: command.id, runId, state }, [state.weights.buffer]);
      return;
    }
    case 'probe':
      host.post({ type: 'memory', id: command.id, ...tensorMemory() });
      return;
    case 'simulate':
      if (command.fault === 'device-loss' && !destroyGpuDevice()) {
        throw new Error('There is no GPU device to lose: the run is not on WebGPU.');
      }
      return;
    case 'measure':
      host.post(await measuredEvent(command, host.backends, () => host.now()));
      return;
  }
}
