/** What the session tells the user when a run changes backend, in a sentence each. */
import type { BackendName } from '../core/backends';
import { BACKEND_LABELS } from '../core/backends';

/** After a lost GPU device, the run continues on `now` from the checkpoint at `step` (or the start). */
export function deviceLossNotice(reason: string, now: BackendName, step: number | null): string {
  return (
    `The GPU device was lost (${reason}). Training continues on ${BACKEND_LABELS[now]} ` +
    (step !== null ? `from step ${step}, the last saved state.` : 'from the start.')
  );
}

/** After a move asked for by the page: done (`problem` null), or refused by the target backend. */
export function moveNotice(
  target: BackendName,
  current: BackendName,
  why: string,
  step: number,
  problem: string | null,
): string {
  return problem === null
    ? `Training moved to ${BACKEND_LABELS[target]} (${why}); it continues from step ${step} with the same weights and optimiser state.`
    : `Training could not move to ${BACKEND_LABELS[target]} (${problem}); it goes on on ${BACKEND_LABELS[current]}.`;
}
