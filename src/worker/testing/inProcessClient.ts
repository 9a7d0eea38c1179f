/**
 * A training worker in the same process, for unit tests of the page's orchestration in Node: the
 * real TrainingSession on the tfjs CPU backend behind the TrainingClient interface. Events arrive
 * asynchronously, as from a worker; the heartbeat runs on the test's clock; the "hang" and "crash"
 * test hooks break it as they break the real worker (training.worker.ts).
 */
import type { BackendCandidate } from '../../engine/backend';
import type { TrainingClient } from '../client';
import type { WorkerCommand, WorkerEvent } from '../protocol';
import { TrainingSession } from '../session';

/** The timer the heartbeat runs on (the test's fake clock). */
export interface HeartbeatClock {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface InProcessClient extends TrainingClient {
  /** Every command this worker was sent, in order. */
  readonly commands: WorkerCommand[];
}

export function createInProcessClient(
  clock: HeartbeatClock,
  backends: BackendCandidate[] = [{ name: 'cpu', prepare: async () => null }],
): InProcessClient {
  const listeners = new Set<(event: WorkerEvent) => void>();
  let crash: (message: string) => void = () => undefined;
  let alive = true;
  let hung = false;
  const commands: WorkerCommand[] = [];
  const deliver = (event: WorkerEvent) =>
    setImmediate(() => {
      if (alive) listeners.forEach((listener) => listener(event));
    });
  const session = new TrainingSession({
    post: (event) => {
      if (!hung) deliver(event);
    },
    now: () => performance.now(),
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    backends,
  });
  const heartbeat = clock.setInterval(() => {
    if (!hung) deliver({ type: 'alive' });
  }, 1000);
  return {
    commands,
    send(command) {
      if (!alive) return;
      commands.push(command);
      if (hung) return;
      if (command.type === 'simulate' && command.fault === 'hang') {
        hung = true;
        return;
      }
      if (command.type === 'simulate' && command.fault === 'crash') {
        setImmediate(() => alive && crash('A simulated crash of the training worker (test hook).'));
        return;
      }
      void session.receive(command);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCrash(listener) {
      crash = listener;
    },
    terminate() {
      alive = false;
      clock.clearInterval(heartbeat);
      // The session stops training once it is paused; a terminated worker's session must not go on.
      void session.receive({ type: 'pause' });
    },
  };
}
