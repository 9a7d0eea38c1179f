/**
 * Training throughput of the engine in Node, full batch, for the reference scenarios of
 * shared/spec/performance.md: A (K8 W16 N512) and B (K16 W32 N4096), loss = CE + 0.1 C, Adam.
 * Both engines are measured on each backend, alternating repeat by repeat, so that their ratio is
 * taken side by side under the same machine load.
 */
import type { BackendName } from '../src/core/backends';
import type { EngineKind } from '../src/core/types';
import { selectBackend } from '../src/engine/backend';
import { nodeBackendCandidates } from '../src/engine/nodeBackends';
import { Trainer } from '../src/engine/trainer';
import { runConfig } from '../src/scenario/runConfig';
import { defaultScenario } from '../src/scenario/schema';
import { median } from './stats';

export interface TrainingRow {
  scenario: 'A' | 'B';
  backend: BackendName;
  engine: EngineKind;
  /** node: tfjs's own Node-capable backends; dawn: WebGPU in Node through Dawn. */
  where: 'node' | 'dawn';
  steps_per_s: number;
}

export const REFERENCE_SCENARIOS = {
  A: { K: 8, width: 16, n: 512 },
  B: { K: 16, width: 32, n: 2000 },
} as const;

/** Scenario B has 4,096 points; the scenario's n is capped at 2,000, so B's data are drawn directly. */
const B_POINTS = 4096;

const ENGINES: readonly EngineKind[] = ['reference', 'fused'];

function trainerFor(name: 'A' | 'B', engine: EngineKind): Trainer {
  const s = REFERENCE_SCENARIOS[name];
  const config = runConfig({ ...defaultScenario(), ...s, penalty: 'fixed', weight: 0.1, ntest: 100, engine });
  return new Trainer(name === 'B' ? { ...config, data: { ...config.data, n: B_POINTS } } : config);
}

/** Steps per second over about `seconds` after a warm-up, reading the per-step losses back every 10 steps. */
async function measure(trainer: Trainer, seconds: number): Promise<number> {
  for (let i = 0; i < 3; i++) trainer.step();
  await trainer.takeHistory();
  const started = performance.now();
  let steps = 0;
  while (performance.now() - started < seconds * 1000) {
    trainer.step();
    steps++;
    if (steps % 10 === 0) await trainer.takeHistory();
  }
  await trainer.takeHistory();
  return (steps * 1000) / (performance.now() - started);
}

export interface TrainingBenchOptions {
  repeats: number;
  seconds: number;
  log: (line: string) => void;
}

/** CPU and WASM in this process. */
export function benchNodeBackends(options: TrainingBenchOptions): Promise<TrainingRow[]> {
  return benchBackends(
    ['cpu', 'wasm'],
    'node',
    (backend) => selectBackend(backend, nodeBackendCandidates()),
    options,
  );
}

/** Both engines on each backend (selected by `use`), scenarios A and B. */
export async function benchBackends(
  backends: readonly BackendName[],
  where: TrainingRow['where'],
  use: (backend: BackendName) => Promise<unknown>,
  options: TrainingBenchOptions,
): Promise<TrainingRow[]> {
  const rows: TrainingRow[] = [];
  for (const backend of backends) {
    await use(backend);
    for (const scenario of ['A', 'B'] as const) {
      const trainers = ENGINES.map((engine) => trainerFor(scenario, engine));
      const samples = ENGINES.map((): number[] => []);
      for (let r = 0; r < options.repeats; r++) {
        for (let e = 0; e < ENGINES.length; e++) samples[e].push(await measure(trainers[e], options.seconds));
      }
      ENGINES.forEach((engine, e) => {
        if (trainers[e].engine !== engine) throw new Error(`${backend} has no ${engine} engine`);
        trainers[e].dispose();
        const row: TrainingRow = {
          scenario,
          backend,
          engine,
          where,
          steps_per_s: median(samples[e]),
        };
        options.log(
          `  training ${scenario} on ${backend} (${where}, ${engine}): ${row.steps_per_s.toFixed(1)} steps/s`,
        );
        rows.push(row);
      });
    }
  }
  return rows;
}
