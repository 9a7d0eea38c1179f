/**
 * The page's orchestration as specifications: createApp driven in Node against the real training
 * session (in-process workers on the tfjs CPU backend) on a fake clock. Nothing waits for real time:
 * `until` yields to the workers and moves the fake clock until a fact holds.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../engine/testing/cpuBackend';
import { encodeScenarioLink } from '../scenario/link';
import type { BackendName } from '../core/backends';
import type { Scenario } from '../scenario/schema';
import { defaultScenario } from '../scenario/schema';
import type { InProcessClient } from '../worker/testing/inProcessClient';
import { createInProcessClient } from '../worker/testing/inProcessClient';
import type { BackendCandidate } from '../engine/backend';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import type { App, AppDeps } from './createApp';
import { createApp } from './createApp';
import { REBUILD_DEBOUNCE_MS } from './commandSender';
import { MIN_COMPARE_LEAD } from './runs';
import { DEPTH_WRITE_DELAY_MS } from './depthSync';
import type { FakeClock } from './testing/fakeClock';
import { createFakeClock } from './testing/fakeClock';
import { SILENCE_LIMIT_MS } from './workerConnection';

beforeAll(useCpuBackend);

/** Apps of the current test, closed after it whatever its outcome (their workers train otherwise). */
const open: App[] = [];
afterEach(() => open.splice(0).forEach((app) => app.dispose()));

interface Harness {
  app: App;
  clock: FakeClock;
  /** Every worker started, in order (restarts add one). */
  workers: InProcessClient[];
  until(fact: () => boolean, what: string): Promise<void>;
  stepOf(run: 'a' | 'b'): number;
}

const small = (overrides: Partial<Scenario> = {}): Scenario => ({
  ...defaultScenario(),
  n: 40,
  ntest: 100,
  K: 4,
  width: 8,
  ...overrides,
});

function start(scenario: Scenario, deps: Partial<AppDeps> = {}, backends?: BackendCandidate[]): Harness {
  const clock = createFakeClock();
  const workers: InProcessClient[] = [];
  const app = createApp({
    createWorker: () => {
      const worker = createInProcessClient(clock, backends);
      workers.push(worker);
      return worker;
    },
    clock,
    storage: null,
    page: null,
    link: encodeScenarioLink(scenario),
    // A named backend, so that "auto" measures nothing unless a test asks it to.
    backendPreference: 'cpu',
    ...deps,
  });
  open.push(app);
  const until = async (fact: () => boolean, what: string) => {
    // Each turn lets the workers run (they compute for real) and moves the fake clock 20 ms; the
    // deadline only bounds a test that would otherwise never end.
    const deadline = performance.now() + 45_000;
    while (performance.now() < deadline) {
      if (fact()) return;
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(20);
    }
    throw new Error(`never happened: ${what} (run a: ${JSON.stringify(app.store.getState().runs.a.status)})`);
  };
  const stepOf = (run: 'a' | 'b') => app.store.getState().runs[run]?.live?.step ?? -1;
  return { app, clock, workers, until, stepOf };
}

const phase = (h: Harness, run: 'a' | 'b' = 'a') => h.app.store.getState().runs[run]?.status.phase;
const sent = (worker: InProcessClient) => worker.commands.map((c) => c.type);

describe('the app layer', () => {
  it('starts preparing, becomes paused at step 0, trains on Train and pauses on Pause', async () => {
    const h = start(small());
    expect(phase(h)).toBe('preparing');
    await h.until(() => phase(h) === 'paused', 'the first run is ready');
    expect(h.stepOf('a')).toBe(0);
    h.app.runs.play();
    await h.until(() => h.stepOf('a') >= 30, 'training reaches step 30');
    expect(phase(h)).toBe('training');
    h.app.runs.pause();
    await h.until(() => phase(h) === 'paused', 'paused');
  });

  it('sends nothing for a view-only edit, an update for a live field, one build for a dragged shape', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    const worker = h.workers[0];
    const before = worker.commands.length;
    h.app.store.getState().editScenario({ caption: 'hello', layers: ['train'], trail: 'straightness' });
    expect(worker.commands.length).toBe(before);
    h.app.store.getState().editScenario({ lr: 0.003 });
    expect(worker.commands.slice(before)).toEqual([{ type: 'update', patch: { lr: 0.003 } }]);
    // Dragging the width slider: five edits in a burst rebuild once, for the last value.
    for (const width of [9, 10, 11, 12, 13]) {
      h.app.store.getState().editScenario({ width });
      expect(phase(h)).toBe('preparing');
      h.clock.advance(REBUILD_DEBOUNCE_MS / 3);
    }
    expect(sent(worker).slice(before + 1)).toEqual([]);
    h.clock.advance(REBUILD_DEBOUNCE_MS);
    const builds = worker.commands.filter((c) => c.type === 'build');
    expect(builds).toHaveLength(1);
    expect(builds[0]).toMatchObject({ scenario: { width: 13, lr: 0.003 } });
  });

  it('rebuilds during training and goes on training the new network', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    h.app.runs.play();
    await h.until(() => h.stepOf('a') >= 20, 'step 20');
    h.app.store.getState().editScenario({ K: 3 });
    expect(phase(h)).toBe('preparing');
    await h.until(() => h.app.store.getState().runs.a.blocks === 3, 'the rebuilt run is announced');
    await h.until(() => phase(h) === 'training' && h.stepOf('a') >= 10, 'the new run trains');
    expect(h.app.runs.a.frames.current()!.layout.blocks).toBe(3);
  });

  it('a Train click while the run is prepared trains the new run, not the old one', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    h.app.store.getState().editScenario({ K: 5 });
    expect(phase(h)).toBe('preparing');
    h.app.runs.play();
    await h.until(() => phase(h) === 'training' && h.stepOf('a') >= 5, 'the new run trains');
    expect(h.app.store.getState().runs.a.blocks).toBe(5);
  });

  it('a worker replaced during an export rejects the export, restarts from its checkpoint and trains on', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    h.app.runs.play();
    await h.until(() => h.stepOf('a') >= 40, 'step 40');
    h.app.runs.pause();
    // A pause is checkpointed: wait until the worker has one at the paused step.
    await h.until(() => h.workers[0].commands.at(-1)?.type === 'pause' && phase(h) === 'paused', 'paused');
    const pausedAt = h.stepOf('a');
    h.app.runs.play();
    await h.until(() => phase(h) === 'training', 'training');
    h.app.runs.a.control.simulate('hang');
    const exported = h.app.runs.a.control.exportState();
    const outcome = exported.then(
      () => 'answered',
      (error: Error) => error.message,
    );
    h.clock.advance(SILENCE_LIMIT_MS + 1000);
    expect(await outcome).toMatch(/restarted; ask again/);
    expect(h.workers).toHaveLength(2);
    expect(phase(h)).toBe('restarting');
    const start2 = h.workers[1].commands[0];
    expect(start2).toMatchObject({ type: 'start' });
    expect(start2.type === 'start' && start2.resume?.step).toBeGreaterThanOrEqual(pausedAt);
    await h.until(() => phase(h) === 'training', 'training again after the restart');
    await h.until(() => h.stepOf('a') > pausedAt + 20, 'steps beyond the checkpoint');
    expect(
      h.app.store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toMatch(/stopped responding/);
    const state = await h.app.runs.a.control.exportState();
    expect(state.step).toBeGreaterThan(pausedAt);
  });

  it('compare mode starts a second run that steps with the first, held within a lead', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    h.app.store.getState().editScenario({ cmp: 'on', vs: 'penalty:off' });
    expect(h.app.runs.b()).not.toBeNull();
    await h.until(() => phase(h, 'b') === 'paused', 'the second run is ready');
    h.app.runs.play();
    await h.until(() => h.stepOf('a') >= 300 && h.stepOf('b') >= 300, 'both runs reach step 300');
    h.app.runs.pause();
    await h.until(() => phase(h) === 'paused' && phase(h, 'b') === 'paused', 'both paused');
    const b = h.app.runs.b()!.frames.current()!;
    // Run B really is the compared run: no penalty.
    expect(h.app.store.getState().runs.b!.live!.weight).toBe(0);
    expect(h.app.store.getState().runs.a.live!.weight).toBeGreaterThan(0);
    expect(b.step).toBeGreaterThanOrEqual(300);
    // Both are held at the same step, the slower's plus a lead, so that neither runs away.
    const holds = (w: InProcessClient) => w.commands.flatMap((c) => (c.type === 'hold' ? [c.step] : []));
    const [holdsA, holdsB] = [holds(h.workers[0]), holds(h.workers[1])];
    expect(holdsA.length).toBeGreaterThan(3);
    expect(holdsB).toEqual(holdsA);
    expect(Math.min(...holdsA)).toBeGreaterThanOrEqual(MIN_COMPARE_LEAD);
    h.app.store.getState().editScenario({ cmp: 'off' });
    expect(h.app.runs.b()).toBeNull();
    expect(h.app.store.getState().runs.b).toBeNull();
  });

  it('tells the worker once per new snapshot that the page had a frame for it, and when it is hidden', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    const shown = () => h.workers[0].commands.filter((c) => c.type === 'shown');
    const control = h.app.runs.a.control;
    control.frameShown(true);
    control.frameShown(true);
    const runId = h.app.runs.a.frames.current()!.run.runId;
    expect(shown()).toEqual([{ type: 'shown', runId, step: 0 }]);
    h.app.runs.step();
    await h.until(() => h.stepOf('a') === 1, 'one step');
    control.frameShown(true);
    control.frameShown(false);
    control.frameShown(false);
    expect(shown().map((c) => c.type === 'shown' && c.step)).toEqual([0, 1, null]);
  });

  it('opening a scenario with play=on trains it; the depth has one writer', async () => {
    const h = start(small());
    await h.until(() => phase(h) === 'paused', 'ready');
    await h.app.open(small({ data: 'circles', play: 'on', depth: 2 }));
    expect(h.app.depth.depth()).toBe(2);
    await h.until(() => phase(h) === 'training' && h.stepOf('a') >= 10, 'the opened scenario trains');
    expect(h.app.runs.a.frames.current()!.run.runId).toBe(2);
    h.app.depth.set(3.25);
    expect(h.app.store.getState().scenario.depth).toBe(2);
    h.clock.advance(DEPTH_WRITE_DELAY_MS);
    expect(h.app.store.getState().scenario.depth).toBe(3.25);
  });
});

/** localStorage's part that the app uses, in memory. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    size: () => items.size,
  };
}

describe('"auto" chooses the backend by measurement', () => {
  // In Node the race is run between WASM and the CPU backend; the time scale makes one win.
  const race = (cpuScale: number) => ({
    backends: ['wasm', 'cpu'] as BackendName[],
    budgetMs: 20,
    allowSoftware: false,
    timeScale: { cpu: cpuScale },
  });
  const backendOf = (h: Harness) => h.app.store.getState().backend?.name;

  it('moves to a backend measured clearly faster, and the next visit starts there without measuring', async () => {
    const storage = memoryStorage();
    const deps = {
      storage,
      backendPreference: 'auto' as const,
      measurement: { ...race(0.001), backends: ['wasm', 'cpu'] as BackendName[] },
    };
    const h = start(small(), deps, nodeBackendCandidates());
    await h.until(() => backendOf(h) === 'wasm', 'the run starts on WASM');
    h.app.runs.play();
    await h.until(() => backendOf(h) === 'cpu', 'the run moves to the CPU backend');
    expect(h.workers[1].commands.map((c) => c.type)).toEqual(['measure']);
    const choice = h.app.store.getState().backendChoice!;
    expect(choice.results.map((r) => r.backend)).toEqual(['wasm', 'cpu']);
    expect(choice.reason).toMatch(/CPU \(JavaScript\) is the fastest/);
    await h.until(() => phase(h) === 'training' && h.stepOf('a') > 50, 'training goes on after the move');
    expect(
      h.app.store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toMatch(/moved to CPU/);
    expect(storage.size()).toBe(1);

    const next = start(small(), deps, nodeBackendCandidates());
    await next.until(() => phase(next) === 'paused', 'the next visit is ready');
    const first = next.workers[0].commands[0];
    expect(first.type === 'start' && first.first).toBe('cpu');
    expect(backendOf(next)).toBe('cpu');
    expect(next.workers).toHaveLength(1);
    expect(next.app.store.getState().backendChoice!.reason).toMatch(/earlier/);
  });

  it('moves the compared run with the scenario’s; a compared run started later starts there', async () => {
    const h = start(
      small({ cmp: 'on', vs: 'penalty:off' }),
      { storage: memoryStorage(), backendPreference: 'auto', measurement: race(0.001) },
      nodeBackendCandidates(),
    );
    await h.until(() => phase(h) === 'paused' && phase(h, 'b') === 'paused', 'both runs are ready');
    h.app.runs.play();
    await h.until(() => backendOf(h) === 'cpu', 'the run moves to the CPU backend');
    const moves = (w: InProcessClient) => w.commands.flatMap((c) => (c.type === 'move' ? [c.backend] : []));
    await h.until(() => h.workers.filter((w) => moves(w).length > 0).length === 2, 'both runs move');
    expect(h.workers.flatMap(moves)).toEqual(['cpu', 'cpu']);
    await h.until(() => h.stepOf('a') > 50 && h.stepOf('b') > 50, 'both train on after the move');
    h.app.store.getState().editScenario({ cmp: 'off' });
    h.app.store.getState().editScenario({ cmp: 'on' });
    const last = h.workers.at(-1)!.commands[0];
    expect(last.type === 'start' && last.first).toBe('cpu');
  });

  it('stays where it is when no other backend is clearly faster', async () => {
    const h = start(
      small(),
      {
        storage: memoryStorage(),
        backendPreference: 'auto',
        measurement: { ...race(1000), backends: ['wasm', 'cpu'] },
      },
      nodeBackendCandidates(),
    );
    await h.until(() => h.app.store.getState().backendChoice?.measuring === false, 'measured');
    expect(backendOf(h)).toBe('wasm');
    expect(h.app.store.getState().backendChoice!.reason).toMatch(/WASM is the fastest/);
    expect(h.workers[0].commands.some((c) => c.type === 'move')).toBe(false);
  });

  it('never overrides a backend the page asked for by name', async () => {
    const h = start(
      small(),
      { storage: memoryStorage(), backendPreference: 'wasm', measurement: race(0.001) },
      nodeBackendCandidates(),
    );
    await h.until(() => phase(h) === 'paused', 'ready');
    h.clock.advance(1000);
    expect(h.workers).toHaveLength(1);
    expect(h.app.store.getState().backendChoice).toBeNull();
  });
});
