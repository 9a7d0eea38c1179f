/**
 * The page's side of the training worker: starts it, sends typed commands, hands typed events to
 * listeners, and reports a crash of the worker itself (an error the worker did not catch).
 */
import type { WorkerCommand, WorkerEvent } from './protocol';

export interface TrainingClient {
  send(command: WorkerCommand): void;
  /** Calls `listener` with every event; returns the function that stops it. */
  subscribe(listener: (event: WorkerEvent) => void): () => void;
  /** Calls `listener` if the worker itself fails (it then cannot be used any more). */
  onCrash(listener: (message: string) => void): void;
  terminate(): void;
}

export function createTrainingClient(): TrainingClient {
  const worker = new Worker(new URL('./training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  });
  const listeners = new Set<(event: WorkerEvent) => void>();
  let crashListener: (message: string) => void = () => undefined;
  const emit = (event: WorkerEvent) => listeners.forEach((listener) => listener(event));
  worker.onmessage = (message: MessageEvent<WorkerEvent>) => emit(message.data);
  worker.onerror = (error) => {
    error.preventDefault();
    crashListener(error.message || 'unknown error');
  };
  worker.onmessageerror = () =>
    emit({ type: 'error', message: 'A message from the training worker could not be read.', fatal: false });
  return {
    send: (command) => worker.postMessage(command, command.type === 'recycle' ? [command.buffer] : []),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCrash(listener) {
      crashListener = listener;
    },
    terminate: () => worker.terminate(),
  };
}
