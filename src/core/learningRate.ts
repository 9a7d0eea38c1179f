/**
 * The learning rate of each step: a linear warm-up to the peak rate, then an inverse-square-root
 * decay. Both exist for the same reason (README, "Why the defaults warm up and decay"): Adam's step
 * has a size of about lr whatever the gradient, so the first steps jump (the whole task is solved
 * between two frames) and, once the loss is near zero, the steps no longer shrink with the gradient
 * and the run eventually overshoots into a loss spike. A pure function of the step count, so a run
 * restored at step t continues on the same schedule.
 */

/** The parts of the training settings the schedule reads. */
export interface LearningRateSchedule {
  /** Peak learning rate. */
  learningRate: number;
  /** Steps of the linear warm-up (0: none). */
  warmup: number;
  /** Decay steps after the warm-up (0: none). */
  decay: number;
}

/**
 * The rate of the step that follows `step` steps already taken:
 * lr * min(1, (step + 1) / warmup) * sqrt(decay / (decay + max(0, step - warmup))).
 */
export function learningRateAt(schedule: LearningRateSchedule, step: number): number {
  const { learningRate, warmup, decay } = schedule;
  const warm = warmup > 0 ? Math.min(1, (step + 1) / warmup) : 1;
  const decayed = decay > 0 ? Math.sqrt(decay / (decay + Math.max(0, step - warmup))) : 1;
  return learningRate * warm * decayed;
}
