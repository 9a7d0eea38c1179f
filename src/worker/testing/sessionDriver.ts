/**
 * A fluent in-process driver of the worker session for engine-level scenarios: commands go straight
 * to a TrainingSession on the tfjs CPU backend, events are collected, snapshots decoded.
 */
import type { SnapshotViews } from '../../core/snapshot';
import { metric, snapshotViews } from '../../core/snapshot';
import type { BackendCandidate } from '../../engine/backend';
import type { Scenario } from '../../scenario/schema';
import { defaultScenario } from '../../scenario/schema';
import type { WorkerCommand, WorkerEvent } from '../protocol';
import type { SessionHost } from '../session';
import { TrainingSession } from '../session';

/** The session's sense of time: real by default, a FakeClock in tests that drive time themselves. */
export type SessionClock = Pick<SessionHost, 'now' | 'yieldToEvents' | 'wait'>;

const REAL_CLOCK: SessionClock = {
  now: () => performance.now(),
  yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Time that passes only when the session waits: steps and snapshots take no time, so what a test
 * sees depends on the pace alone, never on the machine.
 */
export class FakeClock implements SessionClock {
  time = 0;
  now = (): number => this.time;
  yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  wait = (ms: number): Promise<void> => {
    this.time += ms;
    return this.yieldToEvents();
  };
}

type SnapshotEvent = Extract<WorkerEvent, { type: 'snapshot' }>;

export class SessionDriver {
  readonly events: WorkerEvent[] = [];
  private readonly session: TrainingSession;

  constructor(
    backends: BackendCandidate[] = [{ name: 'cpu', prepare: async () => null }],
    clock: SessionClock = REAL_CLOCK,
  ) {
    this.session = new TrainingSession({ post: (event) => this.events.push(event), ...clock, backends });
  }

  /** A driver whose session has started on the given scenario (defaults to a small moons run). */
  static async start(overrides: Partial<Scenario> = {}, clock?: SessionClock): Promise<SessionDriver> {
    const driver = new SessionDriver(undefined, clock);
    await driver.send({ type: 'start', backend: 'cpu', scenario: SessionDriver.scenario(overrides) });
    return driver;
  }

  /** A small moons run trained as fast as possible (tests that wait for steps need not watch them). */
  static scenario(overrides: Partial<Scenario> = {}): Scenario {
    return { ...defaultScenario(), n: 40, ntest: 100, K: 4, width: 8, pace: 'max', ...overrides };
  }

  async send(command: WorkerCommand): Promise<this> {
    await this.session.receive(command);
    return this;
  }

  /**
   * Plays until a snapshot at or beyond `step` arrives, or until `done` holds when a predicate is
   * given (or training pauses by itself); throws after timeoutMs.
   */
  async playUntil(until: number | ((driver: this) => boolean), timeoutMs = 20_000): Promise<this> {
    const done = typeof until === 'number' ? () => this.lastSnapshot().step >= until : () => until(this);
    await this.send({ type: 'play' });
    const deadline = performance.now() + timeoutMs;
    while (!done() && this.isPlaying()) {
      if (performance.now() > deadline) throw new Error(`training did not get there within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return this;
  }

  eventsOf<T extends WorkerEvent['type']>(type: T): Extract<WorkerEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  }

  isPlaying(): boolean {
    const states = this.eventsOf('state');
    return states.length > 0 && states[states.length - 1].playing;
  }

  lastState() {
    const states = this.eventsOf('state');
    return states[states.length - 1];
  }

  lastSnapshot(): SnapshotEvent & {
    views: SnapshotViews;
    metric: (name: Parameters<typeof metric>[1]) => number;
  } {
    const snapshots = this.eventsOf('snapshot');
    const last = snapshots[snapshots.length - 1];
    const views = snapshotViews(last.data, last.layout);
    return { ...last, views, metric: (name) => metric(views, name) };
  }
}
