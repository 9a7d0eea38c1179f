/**
 * The scenario: every setting of a run and of its view, flat, under the keys its share link uses.
 * One declarative table (FIELDS) gives each key its type, limits, default, label and scope: "run"
 * (a change rebuilds the run from the seed), "training" (applies to the next step) or "view" (only the
 * page's drawing). Encoding, decoding, clamping and the controls are all driven by this table.
 */
import type {
  Activation,
  DatasetKind,
  EngineKind,
  HeadKind,
  OptimizerKind,
  PenaltyMode,
} from '../core/types';

/** The current scenario format version (the link key `v`). */
export const SCENARIO_VERSION = 2;

/** h is written "1" or "1/K" in links. */
export type StepSizeRule = '1' | '1/K';

/** Layers of the transport view. */
export type ViewLayer = 'train' | 'test' | 'trails' | 'regions' | 'grid' | 'field' | 'ot' | 'pairs';
export const VIEW_LAYERS: readonly ViewLayer[] = [
  'train',
  'test',
  'trails',
  'regions',
  'grid',
  'field',
  'ot',
  'pairs',
];

/** What the flow animation does at the end of the depth range. */
export type FlowMode = 'once' | 'loop' | 'bounce';
export type TrailColoring = 'class' | 'straightness' | 'monge';
export type RegionStyle = 'soft' | 'discrete';

/**
 * Settings a compared run may change: none of them changes the data or the initial weights of the
 * blocks (the fixed head replaces only the head), so both runs start from the same network.
 */
export const COMPARABLE_KEYS = [
  'h',
  'act',
  'head',
  'penalty',
  'weight',
  'lambda0',
  'tau',
  's',
  'opt',
  'lr',
  'batch',
  'momentum',
  'beta1',
  'beta2',
  'warmup',
  'decay',
  'eps',
  'clip',
] as const satisfies readonly (keyof Scenario)[];
export type ComparableKey = (typeof COMPARABLE_KEYS)[number];

export type OnOff = 'off' | 'on';

/**
 * Training speeds offered: "tempo" (slow for the first steps, then faster as the step count grows;
 * src/worker/pacing.ts), "max" (as fast as the backend allows) or a fixed number of steps per second.
 */
export type Pace = 'tempo' | 'max' | '1000' | '300' | '100' | '30' | '10' | '3' | '1';
export const PACES: readonly Pace[] = ['tempo', 'max', '1000', '300', '100', '30', '10', '3', '1'];

/** Parts of the page a teacher can hide. */
export type PagePart =
  'data' | 'network' | 'penalty' | 'optimizer' | 'layers' | 'depth' | 'metrics' | 'charts';
export const PAGE_PARTS: readonly PagePart[] = [
  'data',
  'network',
  'penalty',
  'optimizer',
  'layers',
  'depth',
  'metrics',
  'charts',
];

/** Longest caption kept (longer ones are cut, with a notice). */
export const MAX_CAPTION_LENGTH = 240;

/** Run: a change rebuilds from the seed. Training: applies to the next step. View: drawing only. */
export type FieldScope = 'run' | 'training' | 'view';

interface FieldBase {
  /** Short label for controls and notices. */
  label: string;
  scope: FieldScope;
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

/** A set of names, written comma-separated in links, kept in the order of `values`. */
export interface FlagsField<T extends string> extends FieldBase {
  type: 'flags';
  values: readonly T[];
  default: readonly T[];
}

/** Settings of a second run, "key:value,..." (see COMPARABLE_KEYS). */
export interface OverridesField extends FieldBase {
  type: 'overrides';
  default: string;
}

/** A user's own points, encoded by src/core/points.ts. */
export interface PointsField extends FieldBase {
  type: 'points';
  default: string;
}

/** Free text, written as is (URL-encoded) in links. */
export interface TextField extends FieldBase {
  type: 'text';
  maxLength: number;
  default: string;
}

export const DATASET_KINDS: readonly DatasetKind[] = [
  'moons',
  'circles',
  'spiral',
  'spiral3',
  'xor',
  'blobs',
  'checker',
  'custom',
];

/** Any row of the field table. */
export type FieldDefinition =
  NumberField | ChoiceField<string> | FlagsField<string> | OverridesField | PointsField | TextField;

/**
 * Every scenario field, in the canonical order of links. The Scenario type is derived from this
 * table, so a field exists in exactly one place.
 */
export const FIELDS = {
  v: {
    type: 'int',
    label: 'format version',
    min: 1,
    max: SCENARIO_VERSION,
    default: SCENARIO_VERSION,
    scope: 'run',
  },
  data: { type: 'choice', label: 'dataset', values: DATASET_KINDS, default: 'moons', scope: 'run' },
  classes: { type: 'int', label: 'blob classes', min: 2, max: 4, default: 3, scope: 'run' },
  n: { type: 'int', label: 'training points', min: 10, max: 2000, default: 200, scope: 'run', log: true },
  ntest: { type: 'int', label: 'test points', min: 100, max: 5000, default: 1000, scope: 'run' },
  noise: { type: 'float', label: 'noise', min: 0, max: 1, default: 0.1, scope: 'run', step: 0.01 },
  seed: { type: 'int', label: 'seed', min: 1, max: 2147483647, default: 1, scope: 'run' },
  K: { type: 'int', label: 'blocks K', min: 1, max: 32, default: 8, scope: 'run' },
  width: { type: 'int', label: 'width', min: 2, max: 64, default: 16, scope: 'run' },
  act: {
    type: 'choice',
    label: 'activation',
    values: ['tanh', 'relu', 'gelu'] satisfies readonly Activation[],
    default: 'tanh',
    scope: 'run',
  },
  h: { type: 'choice', label: 'time step h', values: ['1', '1/K'], default: '1', scope: 'run' },
  head: {
    type: 'choice',
    label: 'head',
    values: ['learned', 'fixed'] satisfies readonly HeadKind[],
    default: 'learned',
    scope: 'run',
  },
  penalty: {
    type: 'choice',
    label: 'penalty',
    values: ['off', 'fixed', 'lap'] satisfies readonly PenaltyMode[],
    default: 'lap',
    scope: 'training',
  },
  weight: {
    type: 'float',
    label: 'penalty weight',
    min: 0,
    max: 100,
    default: 0.1,
    scope: 'training',
    log: true,
  },
  lambda0: {
    type: 'float',
    label: 'lambda0',
    min: 0.001,
    max: 1000,
    default: 1,
    scope: 'training',
    log: true,
  },
  tau: { type: 'float', label: 'tau', min: 0, max: 100, default: 1, scope: 'training', step: 0.1 },
  s: { type: 'int', label: 'update every s steps', min: 0, max: 1000, default: 1, scope: 'training' },
  opt: {
    type: 'choice',
    label: 'optimiser',
    values: ['adam', 'sgd'] satisfies readonly OptimizerKind[],
    default: 'adam',
    scope: 'training',
  },
  lr: {
    type: 'float',
    label: 'learning rate',
    min: 1e-5,
    max: 1,
    default: 0.005,
    scope: 'training',
    log: true,
  },
  batch: { type: 'int', label: 'batch size', min: 0, max: 2000, default: 0, scope: 'training' },
  momentum: {
    type: 'float',
    label: 'momentum',
    min: 0,
    max: 0.999,
    default: 0.9,
    scope: 'training',
    step: 0.01,
  },
  beta1: { type: 'float', label: 'beta1', min: 0, max: 0.999, default: 0.9, scope: 'training', step: 0.01 },
  beta2: {
    type: 'float',
    label: 'beta2',
    min: 0,
    max: 0.99999,
    default: 0.999,
    scope: 'training',
    step: 0.0001,
  },
  /** Steps over which the learning rate grows linearly from 0 to lr (src/core/learningRate.ts). */
  warmup: { type: 'int', label: 'warm-up steps', min: 0, max: 100_000, default: 500, scope: 'training' },
  /** After the warm-up the learning rate is lr * sqrt(decay / (decay + t)); 0: no decay. */
  decay: { type: 'int', label: 'decay steps', min: 0, max: 1_000_000, default: 10, scope: 'training' },
  eps: {
    type: 'float',
    label: "Adam's epsilon",
    min: 1e-8,
    max: 0.1,
    default: 0.01,
    scope: 'training',
    log: true,
  },
  /**
   * Global gradient-norm clipping: a step whose whole gradient is longer than clip is scaled down to
   * length clip before the optimiser sees it; 0: off.
   */
  clip: {
    type: 'float',
    label: 'gradient clip (norm)',
    min: 0,
    max: 100,
    default: 0.5,
    scope: 'training',
    step: 0.1,
  },
  engine: {
    type: 'choice',
    label: 'engine',
    values: ['fused', 'reference'] satisfies readonly EngineKind[],
    default: 'fused',
    scope: 'training',
  },
  steps: { type: 'int', label: 'pause after steps', min: 0, max: 10_000_000, default: 0, scope: 'training' },
  pace: { type: 'choice', label: 'speed', values: PACES, default: 'tempo', scope: 'training' },
  layers: {
    type: 'flags',
    label: 'layers',
    values: VIEW_LAYERS,
    default: ['train', 'test', 'trails', 'regions'],
    scope: 'view',
  },
  depth: { type: 'float', label: 'depth t', min: 0, max: 32, default: 32, scope: 'view', step: 0.01 },
  flow: {
    type: 'choice',
    label: 'at the end',
    values: ['once', 'loop', 'bounce'],
    default: 'bounce',
    scope: 'view',
  },
  speed: { type: 'float', label: 'flow speed', min: 0.1, max: 20, default: 2, scope: 'view', log: true },
  trail: {
    type: 'choice',
    label: 'trail colour',
    values: ['class', 'straightness', 'monge'],
    default: 'class',
    scope: 'view',
  },
  trailop: {
    type: 'float',
    label: 'trail opacity',
    min: 0.05,
    max: 1,
    default: 0.35,
    scope: 'view',
    step: 0.05,
  },
  trails: { type: 'int', label: 'trails drawn', min: 0, max: 2000, default: 400, scope: 'view' },
  regions: { type: 'choice', label: 'regions', values: ['soft', 'discrete'], default: 'soft', scope: 'view' },
  play: { type: 'choice', label: 'train on opening', values: ['off', 'on'], default: 'off', scope: 'view' },
  open: { type: 'int', label: 'open at training step', min: 0, max: 1_000_000, default: 0, scope: 'view' },
  class: { type: 'choice', label: 'classroom mode', values: ['off', 'on'], default: 'off', scope: 'view' },
  hide: { type: 'flags', label: 'hidden parts', values: PAGE_PARTS, default: [], scope: 'view' },
  lock: { type: 'choice', label: 'settings locked', values: ['off', 'on'], default: 'off', scope: 'view' },
  caption: { type: 'text', label: 'caption', maxLength: MAX_CAPTION_LENGTH, default: '', scope: 'view' },
  embed: { type: 'choice', label: 'embedded view', values: ['off', 'on'], default: 'off', scope: 'view' },
  pts: { type: 'points', label: 'own points', default: '', scope: 'run' },
  cmp: { type: 'choice', label: 'compare', values: ['off', 'on'], default: 'off', scope: 'view' },
  vs: { type: 'overrides', label: 'second run', default: '', scope: 'view' },
} as const satisfies Readonly<Record<string, FieldDefinition>>;

/** The value type a row of the field table holds. */
type FieldValue<F> = F extends { type: 'int' | 'float' }
  ? number
  : F extends { type: 'choice'; values: readonly (infer V)[] }
    ? V
    : F extends { type: 'flags'; values: readonly (infer V)[] }
      ? readonly V[]
      : string;

/**
 * The scenario: every setting of a run and of its view, flat, under the keys its share link uses
 * (one per row of FIELDS, whose labels and limits document them).
 */
export type Scenario = { -readonly [K in keyof typeof FIELDS]: FieldValue<(typeof FIELDS)[K]> };

/** Scenario keys in canonical order. */
export const SCENARIO_KEYS = Object.keys(FIELDS) as (keyof Scenario)[];

/** The table row of a key, as the general row type (for code that handles every kind of field). */
export function fieldOf(key: keyof Scenario): FieldDefinition {
  return FIELDS[key];
}

/** The scenario with every field at its default. */
export function defaultScenario(): Scenario {
  const out: Record<string, unknown> = {};
  for (const key of SCENARIO_KEYS) out[key] = FIELDS[key].default;
  return out as unknown as Scenario;
}

/** Whether two values of a field are the same (flag sets compare by content). */
export function sameValue<K extends keyof Scenario>(key: K, a: Scenario[K], b: Scenario[K]): boolean {
  if (FIELDS[key].type !== 'flags') return a === b;
  const x = a as readonly string[];
  const y = b as readonly string[];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
