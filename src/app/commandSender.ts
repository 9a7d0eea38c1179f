/**
 * Turns edits of a run's scenario into worker commands, deciding once per edit what the worker needs
 * (src/scenario/runConfig.ts planScenarioChange): a `build` when the data or the network changed
 * (after a short pause in editing, so that a dragged slider rebuilds once), an `update` with the live
 * fields that changed (at once), nothing for view-only edits.
 */
import { planScenarioChange, untrainableReason } from '../scenario/runConfig';
import type { Scenario } from '../scenario/schema';
import type { WorkerCommand } from '../worker/protocol';
import type { AppClock } from './ports';
import type { RunStatusEvent } from './runStatus';

/** Edits that rebuild the run wait this long for the next edit (a slider being dragged). */
export const REBUILD_DEBOUNCE_MS = 150;

export interface CommandSender {
  /** The scenario's latest value (call on every change; cheap when nothing the worker uses changed). */
  edited(scenario: Scenario): void;
  /** Sends a scheduled rebuild now (before a command that belongs to the new run). */
  flush(): void;
  /** The scenario the worker trains (the last one sent), or null while none can be trained. */
  sent(): Scenario | null;
  dispose(): void;
}

export function createCommandSender(
  initial: Scenario,
  send: (command: WorkerCommand) => void,
  status: (event: RunStatusEvent) => void,
  clock: AppClock,
): CommandSender {
  let sent: Scenario | null = untrainableReason(initial) ? null : initial;
  let latest = initial;
  let timer: unknown = null;

  const cancelTimer = () => {
    if (timer === null) return;
    clock.clearTimeout(timer);
    timer = null;
  };

  /** Sends what the latest scenario needs beyond the one sent. */
  const sendLatest = () => {
    cancelTimer();
    // Own data with too few points cannot be trained: the worker keeps its run until they can.
    if (untrainableReason(latest)) {
      status({ type: 'rebuild-dropped' });
      return;
    }
    const change = sent ? planScenarioChange(sent, latest) : ({ kind: 'build' } as const);
    sent = latest;
    if (change.kind === 'build') {
      status({ type: 'build-sent' });
      send({ type: 'build', scenario: latest });
      return;
    }
    status({ type: 'rebuild-dropped' });
    if (change.kind === 'update') send({ type: 'update', patch: change.patch });
  };

  return {
    edited(scenario) {
      if (scenario === latest) return;
      latest = scenario;
      const change = sent ? planScenarioChange(sent, latest) : ({ kind: 'build' } as const);
      if (change.kind === 'build' && !untrainableReason(latest)) {
        // From the edit on, not from the worker's answer a moment later: a click on Train or Step
        // then waits for the new run instead of landing on a button that is being disabled.
        status({ type: 'rebuild-scheduled' });
        cancelTimer();
        timer = clock.setTimeout(sendLatest, REBUILD_DEBOUNCE_MS);
      } else if (timer === null) sendLatest();
    },
    flush() {
      if (timer !== null) sendLatest();
    },
    sent: () => sent,
    dispose: cancelTimer,
  };
}
