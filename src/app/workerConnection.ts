/**
 * One run's connection to its training worker: starts it, watches its heartbeat, replaces a worker
 * that crashed or fell silent with a fresh one that continues from the last checkpoint, and answers
 * requests (export, memory) by id, so that a request made to a worker that is then replaced fails
 * with a message instead of waiting for ever.
 */
import type { TrainedState } from '../scenario/trainedState';
import type { TrainingClient } from '../worker/client';
import type { WorkerCommand, WorkerEvent } from '../worker/protocol';
import type { AppClock, CreateWorker } from './ports';

/** A worker silent for this long is replaced (it sends a heartbeat every second)... */
export const SILENCE_LIMIT_MS = 6000;
/** ...or for this long while a run is being prepared (WebGPU compiles its pipelines then). */
export const COMPILING_SILENCE_LIMIT_MS = 60_000;

type StartCommand = Extract<WorkerCommand, { type: 'start' }>;
export type WorkerMemory = { numTensors: number; numBytes: number };

export interface WorkerConnection {
  send(command: WorkerCommand): void;
  /** The current weights, step and multiplier; rejects if the worker is replaced first. */
  exportState(): Promise<TrainedState>;
  /** What tfjs holds in the worker; rejects if the worker is replaced first. */
  memory(): Promise<WorkerMemory>;
  /** The latest checkpoint of the current run, or null. */
  checkpoint(): TrainedState | null;
  dispose(): void;
}

export interface ConnectionOptions {
  createWorker: CreateWorker;
  clock: AppClock;
  /** Every event of the current worker. */
  onEvent(event: WorkerEvent): void;
  /** The command that starts a fresh worker, continuing from `resume` when given. */
  startCommand(resume: TrainedState | null): StartCommand;
  /**
   * A fresh worker was started: the first one (`failure` null), or one replacing a worker that
   * failed as `failure` says, continuing from `resume`.
   */
  onStarted(failure: string | null, resume: TrainedState | null): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function createWorkerConnection(options: ConnectionOptions): WorkerConnection {
  const { clock } = options;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let checkpoint: { runId: number; state: TrainedState } | null = null;
  let lastHeardAt = clock.now();
  let compiling = true;
  let client: TrainingClient;

  const settle = (id: number, value: unknown) => {
    pending.get(id)?.resolve(value);
    pending.delete(id);
  };
  const rejectAll = (why: string) => {
    for (const request of pending.values()) request.reject(new Error(why));
    pending.clear();
  };

  const onEvent = (event: WorkerEvent) => {
    lastHeardAt = clock.now();
    switch (event.type) {
      case 'alive':
        return;
      case 'state':
        compiling = event.compiling;
        break;
      case 'checkpoint':
        checkpoint = { runId: event.runId, state: event.state };
        return;
      case 'run':
        if (checkpoint?.runId !== event.info.runId) checkpoint = null;
        break;
      case 'trained':
        settle(event.id, event.state);
        return;
      case 'memory':
        settle(event.id, { numTensors: event.numTensors, numBytes: event.numBytes });
        return;
    }
    options.onEvent(event);
  };

  const start = (failure: string | null) => {
    const resume = failure ? (checkpoint?.state ?? null) : null;
    const next = options.createWorker();
    next.subscribe(onEvent);
    next.onCrash((message) => replace(`crashed (${message})`));
    lastHeardAt = clock.now();
    compiling = true;
    client = next;
    next.send(options.startCommand(resume));
    options.onStarted(failure, resume);
  };

  const replace = (failure: string) => {
    client.terminate();
    rejectAll(`The training worker ${failure} and was restarted; ask again.`);
    start(failure);
  };

  start(null);
  const watchdog = clock.setInterval(() => {
    const limit = compiling ? COMPILING_SILENCE_LIMIT_MS : SILENCE_LIMIT_MS;
    if (clock.now() - lastHeardAt > limit) replace(`stopped responding for ${Math.round(limit / 1000)} s`);
  }, 1000);

  const request = <T>(command: (id: number) => WorkerCommand): Promise<T> => {
    const id = nextId++;
    const answer = new Promise<T>((resolve, reject) =>
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject }),
    );
    client.send(command(id));
    return answer;
  };

  return {
    send: (command) => client.send(command),
    exportState: () => request<TrainedState>((id) => ({ type: 'export', id })),
    memory: () => request<WorkerMemory>((id) => ({ type: 'probe', id })),
    checkpoint: () => checkpoint?.state ?? null,
    dispose() {
      clock.clearInterval(watchdog);
      rejectAll('The run was closed.');
      client.terminate();
    },
  };
}
