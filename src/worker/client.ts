/**
 * The page's side of the training worker: starts it, sends typed commands, hands typed events to
 * listeners. A crash of the worker itself becomes an `error` event.
 */
import type { WorkerCommand, WorkerEvent } from './protocol';

export interface TrainingClient {
  send(command: WorkerCommand): void;
  /** Calls `listener` with every event; returns the function that stops it. */
  subscribe(listener: (event: WorkerEvent) => void): () => void;
  terminate(): void;
}

export function createTrainingClient(): TrainingClient {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  });
  const listeners = new Set<(event: WorkerEvent) => void>();
  const emit = (event: WorkerEvent) => listeners.forEach((listener) => listener(event));
  worker.onmessage = (message: MessageEvent<WorkerEvent>) => emit(message.data);
  worker.onerror = (error) => {
    error.preventDefault();
    emit({
      type: 'error',
      message: `The training worker failed: ${error.message || 'unknown error'}`,
      fatal: true,
    });
  };
  worker.onmessageerror = () =>
    emit({ type: 'error', message: 'A message from the training worker could not be read.', fatal: false });
  return {
    send: (command) => worker.postMessage(command),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    terminate: () => worker.terminate(),
  };
}
