/**
 * The scenario: every setting of a run, flat, under the keys its share link uses. One declarative
 * table (FIELDS) gives each key its type, limits, default, label and whether it can change while a
 * run goes on ("live") or needs a rebuild from the seed. Encoding, decoding, clamping and the
 * controls are all driven by this table.
 */
import type { Activation, DatasetKind, HeadKind, OptimizerKind, PenaltyMode } from '../core/types';

/** The current scenario format version (the link key `v`). */
export const SCENARIO_VERSION = 1;

/** h is written "1" or "1/K" in links. */
export type StepSizeRule = '1' | '1/K';

export interface Scenario {
  /** Format version. */
  v: number;
  /** Dataset. */
  data: DatasetKind;
  /** Classes of the blobs dataset (2-4). */
  classes: number;
  /** Training points. */
  n: number;
  /** Held-out test points. */
  ntest: number;
  /** Gaussian noise standard deviation, data units. */
  noise: number;
  /** Seed of data, initial weights, batches and subsamples (never 0). */
  seed: number;
  /** Residual blocks. */
  K: number;
  /** Hidden width of each block. */
  width: number;
  act: Activation;
  /** Time step rule. */
  h: StepSizeRule;
  head: HeadKind;
  penalty: PenaltyMode;
  /** Fixed penalty weight a. */
  weight: number;
  lambda0: number;
  tau: number;
  /** Least-action update period (0: never). */
  s: number;
  opt: OptimizerKind;
  /** Learning rate. */
  lr: number;
  /** Mini-batch size (0: full batch). */
  batch: number;
  /** SGD momentum. */
  momentum: number;
  beta1: number;
  beta2: number;
  /** Pause automatically after this many steps (0: never). */
  steps: number;
}

interface FieldBase {
  /** Short label for controls and notices. */
  label: string;
  /** True when a change applies to the next step without a rebuild. */
  live: boolean;
}

export interface NumberField extends FieldBase {
  type: 'int' | 'float';
  min: number;
  max: number;
  default: number;
  /** Sliders for this field move on a log scale (20 positions per decade). */
  log?: boolean;
  /** Slider step of a linear float field (default: a hundredth of the range). */
  step?: number;
}

export interface ChoiceField<T extends string> extends FieldBase {
  type: 'choice';
  values: readonly T[];
  default: T;
}

export type FieldSpec<T> = [T] extends [string] ? ChoiceField<T> : NumberField;

export const DATASET_KINDS: readonly DatasetKind[] = [
  'moons',
  'circles',
  'spiral',
  'spiral3',
  'xor',
  'blobs',
  'checker',
];

/** Every scenario field, in the canonical order of links. */
export const FIELDS: { readonly [K in keyof Scenario]: FieldSpec<Scenario[K]> } = {
  v: {
    type: 'int',
    label: 'format version',
    min: 1,
    max: SCENARIO_VERSION,
    default: SCENARIO_VERSION,
    live: false,
  },
  data: { type: 'choice', label: 'dataset', values: DATASET_KINDS, default: 'moons', live: false },
  classes: { type: 'int', label: 'blob classes', min: 2, max: 4, default: 3, live: false },
  n: { type: 'int', label: 'training points', min: 10, max: 2000, default: 200, live: false, log: true },
  ntest: { type: 'int', label: 'test points', min: 100, max: 5000, default: 1000, live: false },
  noise: { type: 'float', label: 'noise', min: 0, max: 1, default: 0.1, live: false, step: 0.01 },
  seed: { type: 'int', label: 'seed', min: 1, max: 2147483647, default: 1, live: false },
  K: { type: 'int', label: 'blocks K', min: 1, max: 32, default: 8, live: false },
  width: { type: 'int', label: 'width', min: 2, max: 64, default: 16, live: false },
  act: {
    type: 'choice',
    label: 'activation',
    values: ['tanh', 'relu', 'gelu'],
    default: 'tanh',
    live: false,
  },
  h: { type: 'choice', label: 'time step h', values: ['1', '1/K'], default: '1', live: false },
  head: { type: 'choice', label: 'head', values: ['learned', 'fixed'], default: 'learned', live: false },
  penalty: { type: 'choice', label: 'penalty', values: ['off', 'fixed', 'lap'], default: 'lap', live: true },
  weight: { type: 'float', label: 'penalty weight', min: 0, max: 100, default: 0.1, live: true, log: true },
  lambda0: { type: 'float', label: 'lambda0', min: 0.001, max: 1000, default: 1, live: true, log: true },
  tau: { type: 'float', label: 'tau', min: 0, max: 100, default: 1, live: true, step: 0.1 },
  s: { type: 'int', label: 'update every s steps', min: 0, max: 1000, default: 1, live: true },
  opt: { type: 'choice', label: 'optimiser', values: ['adam', 'sgd'], default: 'adam', live: true },
  lr: { type: 'float', label: 'learning rate', min: 1e-5, max: 1, default: 0.01, live: true, log: true },
  batch: { type: 'int', label: 'batch size', min: 0, max: 2000, default: 0, live: true },
  momentum: { type: 'float', label: 'momentum', min: 0, max: 0.999, default: 0.9, live: true, step: 0.01 },
  beta1: { type: 'float', label: 'beta1', min: 0, max: 0.999, default: 0.9, live: true, step: 0.01 },
  beta2: { type: 'float', label: 'beta2', min: 0, max: 0.99999, default: 0.999, live: true, step: 0.0001 },
  steps: { type: 'int', label: 'pause after steps', min: 0, max: 10_000_000, default: 0, live: true },
};

/** Scenario keys in canonical order. */
export const SCENARIO_KEYS = Object.keys(FIELDS) as (keyof Scenario)[];

/** The scenario with every field at its default. */
export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of SCENARIO_KEYS) out[key] = FIELDS[key].default;
  return out as unknown as Scenario;
}
