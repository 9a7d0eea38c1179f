/// <reference lib="webworker" />
/**
 * The training worker's entry: wires the session to postMessage, sends a heartbeat every second, and
 * carries out the "hang" and "crash" test hooks (which must break the worker itself).
 */
import { browserBackendCandidates } from './browserBackends';
import type { WorkerCommand, WorkerEvent } from './protocol';
import { TrainingSession } from './session';

/** The page's heartbeat: a worker whose event loop runs says so this often. */
const HEARTBEAT_MS = 1000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (event: WorkerEvent, transfer: Transferable[] = []) => scope.postMessage(event, transfer);

// A message to ourselves returns control to the event loop sooner than setTimeout(0), which
// browsers clamp to 4 ms once timers nest.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

const session = new TrainingSession({
  post,
  now: () => performance.now(),
  yieldToEvents: () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  backends: browserBackendCandidates(),
});

setInterval(() => post({ type: 'alive' }), HEARTBEAT_MS);

scope.onmessage = (event: MessageEvent<WorkerCommand>) => {
  const command = event.data;
  if (command.type === 'simulate' && command.fault === 'hang') {
    for (;;) {
      // Blocks this worker for good: the page must notice the missing heartbeat.
    }
  }
  if (command.type === 'simulate' && command.fault === 'crash') {
    setTimeout(() => {
      throw new Error('A simulated crash of the training worker (test hook).');
    });
    return;
  }
  void session.receive(command);
};
scope.onunhandledrejection = (event) => post({ type: 'error', message: String(event.reason), fatal: false });
