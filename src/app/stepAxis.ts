/**
 * The training-step axis of the timeline and the replay: a share of the axis (0 to 1) and a step of
 * a run trained to `last` steps map to each other on a logarithmic axis (log(1 + step), so that the
 * early steps, where learning happens, get room) or a linear one; steps snap to the kept ones.
 */

export type StepAxis = 'log' | 'linear';

/** The step at `share` of an axis that ends at step `last`. */
export function stepAt(share: number, last: number, axis: StepAxis): number {
  const s = Math.min(1, Math.max(0, share));
  return axis === 'log' ? Math.expm1(s * Math.log1p(last)) : s * last;
}

/** Where `step` lies on an axis that ends at step `last`, from 0 to 1. */
export function shareOf(step: number, last: number, axis: StepAxis): number {
  if (last <= 0) return 0;
  const s = axis === 'log' ? Math.log1p(Math.max(0, step)) / Math.log1p(last) : step / last;
  return Math.min(1, Math.max(0, s));
}

/** The kept step nearest to `step` (the earlier one on a tie); `steps` ascending and not empty. */
export function nearestStep(steps: readonly number[], step: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] < step) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && step - steps[lo - 1] <= steps[lo] - step ? steps[lo - 1] : steps[lo];
}
