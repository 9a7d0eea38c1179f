/**
 * How many training steps a slice may run: adapted to the backend (synchronous backends are bounded
 * by time, asynchronous ones like WebGPU by a step count that grows while slices stay short), capped
 * by the chosen pace (steps per second) and by a hold (compare mode keeps two runs together).
 *
 * The default pace, "tempo", is slow for the first steps and grows with the step count: steps per
 * second = max(TEMPO_FLOOR, step / TEMPO_SECONDS), so each second trains about e^(1 / TEMPO_SECONDS)
 * = 1.4 times as many steps as were already taken. Until step 30 * TEMPO_SECONDS the rate stays under
 * the ~30 snapshots a second, so every one of those steps is shown; later frames cover ever more
 * steps, until the machine's own speed is the limit.
 */
import type { Pace } from '../scenario/schema';

/** Training time per slice before the session looks at its messages again. */
export const SLICE_MS = 16;
/** Snapshots are sent at most this often while training runs faster than one step a snapshot. */
export const SNAPSHOT_INTERVAL_MS = 33;
/** Most steps queued in one slice. */
const MAX_STEPS_PER_SLICE = 512;
/** How often a held run looks again whether it may go on. */
const HOLD_POLL_MS = 10;
/** Slowest rate of the tempo, steps per second (the first steps). */
export const TEMPO_FLOOR = 5;
/** The tempo runs at step / TEMPO_SECONDS steps per second once that is above the floor. */
export const TEMPO_SECONDS = 3;
/**
 * Steps earned but not taken (a machine slower than the pace) are kept for at most this long, at
 * paces faster than one step a snapshot; at slower ones none are kept (see showsEveryStep).
 */
const MAX_CREDIT_SECONDS = 0.25;

/**
 * Whether a pace of `rate` steps per second is slow enough for every step to be its own snapshot.
 * Then a machine that falls behind takes the steps later, one at a time, rather than several at once:
 * the point of such a pace is that each step is seen.
 */
export function showsEveryStep(rate: number): boolean {
  return rate * SNAPSHOT_INTERVAL_MS <= 1000;
}

/** Most time a step waits for the page to show the snapshot before it, at paces that show every step. */
export const SHOWN_WAIT_MS = 500;
/** How often a run waiting for the page looks again. */
const SHOWN_POLL_MS = 4;

/** Steps per second a pace allows after `step` steps (Infinity: as fast as possible). */
export function paceRate(pace: Pace, step: number): number {
  if (pace === 'max') return Infinity;
  if (pace === 'tempo') return Math.max(TEMPO_FLOOR, step / TEMPO_SECONDS);
  return Number(pace);
}

export class Pacer {
  private stepsPerSlice = 1;
  /** The pace clock: `credit` steps were due and not yet taken at time `at` (NaN: not started). */
  private paced = { at: NaN, credit: 1, rate: Infinity };
  /** Training waits at this step; Infinity: no hold. */
  holdAt = Infinity;
  /**
   * The page's side of a pace that shows every step: the step of the snapshot last posted (and when),
   * the step the page last said it showed, and whether it says so at all (a page that never does, or
   * a hidden one, is not waited for).
   */
  private page = { posted: -1, postedAt: -Infinity, shown: -1, watching: false };

  /** Forgets the backend's speed (a new run, a new backend). */
  restart(): void {
    this.stepsPerSlice = 1;
    this.restartPace();
    this.page = { ...this.page, posted: -1, postedAt: -Infinity, shown: -1 };
  }

  /** A snapshot of `step` was posted at time `now` (the first one of a step starts the wait). */
  posted(step: number, now: number): void {
    if (step === this.page.posted) return;
    this.page.posted = step;
    this.page.postedAt = now;
  }

  /** The page showed the snapshot of `step`; null: it shows none for now (hidden). */
  shown(step: number | null): void {
    this.page.watching = step !== null;
    if (step !== null) this.page.shown = step;
  }

  /** Starts the pace clock afresh (training started): the first step is due at once. */
  restartPace(): void {
    this.paced = { at: NaN, credit: 1, rate: Infinity };
  }

  /**
   * Steps the next slice may run at time `now`, after `stepCount` steps, at `rate` steps per second
   * (paceRate; Infinity: as fast as possible).
   */
  budget(now: number, stepCount: number, rate: number): number {
    const paced = this.paceBudget(now, rate);
    if (this.awaitsPage(now)) return 0;
    return Math.min(this.stepsPerSlice, paced, Math.max(0, this.holdAt - stepCount));
  }

  /**
   * Learns from a finished slice: `steps` run of a `budget`, the steps taking `stepMs` of the slice's
   * `totalMs` (the rest was reading a snapshot back).
   */
  afterSlice(steps: number, budget: number, stepMs: number, totalMs: number): void {
    this.paced.credit -= steps;
    // A slice limited by the pace or a hold says nothing about the backend's speed.
    if (budget < this.stepsPerSlice) return;
    if (steps === this.stepsPerSlice && totalMs < 2 * SLICE_MS) {
      this.stepsPerSlice = Math.min(MAX_STEPS_PER_SLICE, this.stepsPerSlice * 2);
    } else if (totalMs > 4 * SLICE_MS && stepMs < totalMs / 2) {
      this.stepsPerSlice = Math.max(1, Math.floor(this.stepsPerSlice / 2));
    }
  }

  /** Milliseconds to wait before the next slice (0: go on at once). */
  waitBefore(now: number, stepCount: number): number {
    if (stepCount >= this.holdAt) return HOLD_POLL_MS;
    if (this.awaitsPage(now)) return SHOWN_POLL_MS;
    const { at, credit, rate } = this.paced;
    if (!Number.isFinite(rate) || Number.isNaN(at)) return 0;
    return Math.max(0, at + ((1 - credit) * 1000) / rate - now);
  }

  /** Whether the next step waits for the page to show the last snapshot (see `shown`). */
  private awaitsPage(now: number): boolean {
    const page = this.page;
    return (
      page.watching &&
      showsEveryStep(this.paced.rate) &&
      page.posted > page.shown &&
      now - page.postedAt < SHOWN_WAIT_MS
    );
  }

  /**
   * Steps the pace allows now: the credit earned at `rate` since the last look, minus the steps
   * taken; Infinity when training runs as fast as possible.
   */
  private paceBudget(now: number, rate: number): number {
    const paced = this.paced;
    if (!Number.isFinite(rate)) {
      this.paced = { at: now, credit: 1, rate };
      return Infinity;
    }
    if (Number.isNaN(paced.at) || !Number.isFinite(paced.rate)) {
      // Paced from now on (training started, or it ran as fast as possible until now).
      paced.credit = 1;
    } else {
      const earned = paced.credit + ((now - paced.at) * rate) / 1000;
      const most = showsEveryStep(rate) ? 1 : Math.max(1, rate * MAX_CREDIT_SECONDS);
      paced.credit = Math.min(earned, most);
    }
    paced.at = now;
    paced.rate = rate;
    return Math.max(0, Math.floor(paced.credit));
  }
}

/** Steps per second over the last second. */
export class StepRate {
  private samples: { at: number; step: number }[] = [];

  reset(): void {
    this.samples = [];
  }

  measure(now: number, step: number): number {
    this.samples.push({ at: now, step });
    while (this.samples.length > 2 && now - this.samples[1].at >= 1000) this.samples.shift();
    const first = this.samples[0];
    return now > first.at ? ((step - first.step) * 1000) / (now - first.at) : 0;
  }
}
