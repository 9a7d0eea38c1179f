/// <reference lib="webworker" />
/** The training worker's entry: wires the session to postMessage. Everything else is in session.ts. */
import { browserBackendCandidates } from './browserBackends';
import type { WorkerCommand, WorkerEvent } from './protocol';
import { TrainingSession } from './session';

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

scope.onmessage = (event: MessageEvent<WorkerCommand>) => void session.receive(event.data);
scope.onunhandledrejection = (event) => post({ type: 'error', message: String(event.reason), fatal: false });
