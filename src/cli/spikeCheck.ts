/**
 * The loss-spike check: the default scenario of each dataset the default network fits, trained for
 * 50,000 steps on several seeds; a run spikes when its training loss, once below 0.01, exceeds 0.1
 * again. Runs the engine headless (the Trainer on the active tfjs backend), reading the per-step
 * records back every few thousand steps.
 */
import { HISTORY_FIELDS, metric, snapshotViews } from '../core/snapshot';
import type { DatasetKind } from '../core/types';
import { Trainer } from '../engine/trainer';
import { encodeScenarioLink, parseScenarioText } from '../scenario/link';
import { runConfig } from '../scenario/runConfig';
import { SCENARIO_VERSION } from '../scenario/schema';

export const SPIKE_CHECK = {
  /** Every dataset of the app but one's own points (the default network fits five: not spiral3 or checker). */
  datasets: ['moons', 'circles', 'spiral', 'spiral3', 'xor', 'blobs', 'checker'] as const,
  seeds: [1, 2, 3, 4, 5],
  steps: 50_000,
  /** The training loss has converged once below this... */
  low: 0.01,
  /** ...and spikes when it exceeds this afterwards. */
  high: 0.1,
};

/** Steps between two readbacks of the per-step records. */
const READ_EVERY = 2000;

export interface SpikeRow {
  data: DatasetKind;
  seed: number;
  /** The canonical link of the run. */
  link: string;
  /** First step whose training loss was below SPIKE_CHECK.low (null: never). */
  convergedAt: number | null;
  /** Highest training loss after convergedAt, and its step. */
  worst: number;
  worstAt: number | null;
  spiked: boolean;
  /** Training loss, accuracy, test accuracy, C and lambda at the end (whole sets). */
  trainLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  C: number;
  lambda: number;
}

/** Trains one scenario (link text, without the step count) for `steps` steps and watches its loss. */
export async function spikeRun(link: string, steps: number): Promise<SpikeRow> {
  const { scenario } = parseScenarioText(link);
  const trainer = new Trainer(runConfig(scenario));
  const fields = HISTORY_FIELDS.length;
  const ce = HISTORY_FIELDS.indexOf('crossEntropy');
  let convergedAt: number | null = null;
  let worst = 0;
  let worstAt: number | null = null;
  try {
    while (trainer.stepCount < steps) {
      const first = trainer.stepCount;
      trainer.stepMany(Math.min(steps, first + READ_EVERY) - first);
      const history = await trainer.takeHistory();
      for (let row = 0; row < history.length / fields; row++) {
        const loss = history[row * fields + ce];
        const step = first + row + 1;
        // A non-finite loss is the worst spike of all.
        const value = Number.isFinite(loss) ? loss : Infinity;
        if (convergedAt === null) {
          if (value < SPIKE_CHECK.low) convergedAt = step;
        } else if (value > worst) {
          worst = value;
          worstAt = step;
        }
      }
    }
    const snapshot = await trainer.snapshot();
    const views = snapshotViews(snapshot.data, snapshot.layout);
    return {
      data: scenario.data,
      seed: scenario.seed,
      link: encodeScenarioLink(scenario),
      convergedAt,
      worst,
      worstAt,
      spiked: worst > SPIKE_CHECK.high,
      trainLoss: metric(views, 'trainLoss'),
      trainAccuracy: metric(views, 'trainAccuracy'),
      testAccuracy: metric(views, 'testAccuracy'),
      C: metric(views, 'kineticCost'),
      lambda: metric(views, 'lambda'),
    };
  } finally {
    trainer.dispose();
  }
}

/** The default scenario of a dataset on a seed, as link text. */
export function defaultLink(data: DatasetKind, seed: number, extra = ''): string {
  return `v=${SCENARIO_VERSION}&data=${data}&seed=${seed}${extra}`;
}

/** One markdown row of the README's table. */
export function spikeTableRow(r: SpikeRow): string {
  const converged = r.convergedAt === null ? 'never' : r.convergedAt.toLocaleString('en-US');
  const worst =
    r.worstAt === null ? '–' : `${r.worst.toPrecision(2)} (step ${r.worstAt.toLocaleString('en-US')})`;
  return (
    `| ${r.data} | ${r.seed} | ${converged} | ${worst} | ${r.spiked ? '**spike**' : 'none'} | ` +
    `${r.trainLoss.toExponential(1)} | ${(100 * r.testAccuracy).toFixed(1)}% | ${r.C.toPrecision(2)} | ` +
    `${r.lambda.toPrecision(3)} |`
  );
}

export const SPIKE_TABLE_HEADER = [
  '| data | seed | loss < 0.01 at step | highest loss after | spike | final loss | test acc. | C | λ |',
  '|---|---|---|---|---|---|---|---|---|',
];
