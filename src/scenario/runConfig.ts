/** From a scenario to what the engine needs, and which edits need a rebuild. */
import { datasetClasses } from '../core/datasets';
import { decodePoints } from '../core/points';
import type { DatasetSpec, RunConfig, TrainingSettings } from '../core/types';
import type { FieldScope, Scenario } from './schema';
import { FIELDS, SCENARIO_KEYS, sameValue } from './schema';

export function datasetSpec(s: Scenario): DatasetSpec {
  const spec: DatasetSpec = {
    kind: s.data,
    n: s.n,
    nTest: s.ntest,
    noise: s.noise,
    blobClasses: s.classes,
    seed: s.seed,
  };
  if (s.data !== 'custom') return spec;
  const points = decodePoints(s.pts) ?? { x: new Float32Array(0), y: new Uint8Array(0) };
  return { ...spec, n: points.y.length, points };
}

/** The settings a running trainer can take without a rebuild. */
export function trainingSettings(s: Scenario): TrainingSettings {
  return {
    penalty: s.penalty,
    weight: s.weight,
    lambda0: s.lambda0,
    tau: s.tau,
    every: s.s,
    optimizer: s.opt,
    learningRate: s.lr,
    beta1: s.beta1,
    beta2: s.beta2,
    warmup: s.warmup,
    decay: s.decay,
    epsilon: s.eps,
    momentum: s.momentum,
    gradientClip: s.clip,
    batchSize: s.batch,
    engine: s.engine,
  };
}

/** Everything the engine needs to build a run. */
export function runConfig(s: Scenario): RunConfig {
  const data = datasetSpec(s);
  return {
    data,
    model: {
      blocks: s.K,
      width: s.width,
      activation: s.act,
      stepSize: s.h === '1/K' ? 1 / s.K : 1,
      head: s.head,
      classes: datasetClasses(data),
    },
    training: trainingSettings(s),
    seed: s.seed,
  };
}

/** Scenario keys a running session takes without a rebuild (the table's "training" scope). */
export type LiveKey = {
  [K in keyof Scenario]: (typeof FIELDS)[K]['scope'] extends 'training' ? K : never;
}[keyof Scenario];

/** A change of live fields, sent to a running session as it is. */
export type LivePatch = Partial<Pick<Scenario, LiveKey>>;

/**
 * What a session training scenario a must be told to train b: a rebuild from the seed (the data or the
 * network changed), a patch of live fields, or nothing (only the view changed). The page decides this
 * once per edit; the session does as it is told.
 */
export type ScenarioChange = { kind: 'build' } | { kind: 'update'; patch: LivePatch } | { kind: 'none' };

export function planScenarioChange(a: Scenario, b: Scenario): ScenarioChange {
  if (needsRebuild(a, b)) return { kind: 'build' };
  const patch: Record<string, unknown> = {};
  for (const key of SCENARIO_KEYS) {
    if (FIELDS[key].scope === 'training' && !sameValue(key, a[key], b[key])) patch[key] = b[key];
  }
  return Object.keys(patch).length > 0 ? { kind: 'update', patch: patch as LivePatch } : { kind: 'none' };
}

/** True when going from a to b changes something that only a rebuild from the seed can apply. */
export function needsRebuild(a: Scenario, b: Scenario): boolean {
  return changedInScope(a, b, 'run');
}

/** True when a and b differ in a field of the given scope. */
export function changedInScope(a: Scenario, b: Scenario, scope: FieldScope): boolean {
  return SCENARIO_KEYS.some((key) => FIELDS[key].scope === scope && !sameValue(key, a[key], b[key]));
}

/** The live training settings that differ between a and b (empty when none do). */
export function changedSettings(a: Scenario, b: Scenario): Partial<TrainingSettings> {
  const before = trainingSettings(a);
  const after = trainingSettings(b);
  const patch: Partial<TrainingSettings> = {};
  for (const key of Object.keys(after) as (keyof TrainingSettings)[]) {
    if (before[key] !== after[key]) (patch as Record<string, unknown>)[key] = after[key];
  }
  return patch;
}

/** Why a scenario cannot be trained as it is (own data with too few points), or null. */
export function untrainableReason(s: Pick<Scenario, 'data' | 'pts'>): string | null {
  if (s.data !== 'custom') return null;
  const points = decodePoints(s.pts);
  const classes = new Set(points?.y ?? []).size;
  if ((points?.y.length ?? 0) >= 2 && classes >= 2) return null;
  return 'Add at least two points of two different classes to train on your own data.';
}
