/// <reference lib="webworker" />
/** A study worker's entry: trains each cell the page sends and answers its numbers or the error. */
import { browserBackendCandidates } from './browserBackends';
import type { StudyCellReply, StudyCellRequest } from './studyCell';
import { createCellTrainer } from './studyCell';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const train = createCellTrainer(browserBackendCandidates(), () => performance.now());

scope.onmessage = async (event: MessageEvent<StudyCellRequest>) => {
  let reply: StudyCellReply;
  try {
    reply = { result: await train(event.data) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
