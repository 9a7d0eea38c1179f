/**
 * Runs one training step with the fused and the reference engine from the same random state (weights,
 * optimiser moments, multiplier, points) on the active backend and measures how far they differ:
 * the step record, the gradient of every weight tensor, and the updated weights and moments (after an
 * Adam step, and after an SGD step with momentum when asked), with the gradient clipped when asked.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRandomStream } from '../../core/random';
import { expect } from 'vitest';
import type {
  Activation,
  EngineKind,
  HeadKind,
  ModelConfig,
  PenaltyMode,
  TrainingSettings,
} from '../../core/types';
import type { WeightArrays } from '../../core/weights';
import { fixedHead, unflattenWeights, WEIGHT_NAMES, weightCount } from '../../core/weights';
import { ParameterOptimizer } from '../optimizer';
import { ParameterStore, variableFrom } from '../params';
import { trainingStep } from '../trainingStep';
import { TEST_SETTINGS } from './fixtures';

/** Normwise relative differences, fused against reference: ||a - b|| / ||b||. */
export interface EngineAgreement {
  /** The step record [CE, C, lambda, weight, loss], elementwise relative error (largest). */
  record: number;
  /** Per weight tensor, the gradient (SGD without momentum: the new velocity is the gradient). */
  gradient: Record<(typeof WEIGHT_NAMES)[number], number>;
  /** After an Adam step from random moments: the updated parameters and both moments. */
  theta: number;
  first: number;
  second: number;
  /**
   * After an SGD step with momentum 0.9 from a random velocity: the larger of the errors of the
   * updated parameters and of the new velocity (0 when not asked for).
   */
  momentum: number;
  /**
   * With the clip option: an SGD step without momentum whose gradient is clipped to half its length,
   * against half the reference gradient (the larger of both engines' errors; 0 when not asked for).
   */
  clip: number;
  /** The multiplier after the step. */
  lambda: number;
  /** The gradient entries of a fixed head (must be exactly 0 for both engines). */
  fixedHeadGradient: number;
}

interface StepOutcome {
  record: Float32Array;
  theta: Float32Array;
  first: Float32Array;
  second: Float32Array;
  lambda: number;
}

function normalArray(n: number, std: number, stream: ReturnType<typeof createRandomStream>): Float32Array {
  return Float32Array.from({ length: n }, () => std * stream.normal());
}

/** Random weights large enough that every block moves the points and every term matters. */
export function randomWeights(model: ModelConfig, seed: number): WeightArrays {
  const r = createRandomStream(seed, 'agreement/weights');
  const { blocks: K, width: W, classes: C } = model;
  const head =
    model.head === 'fixed'
      ? fixedHead(C)
      : { headW: normalArray(2 * C, 1, r), headb: normalArray(C, 0.3, r) };
  return {
    W1: normalArray(K * 2 * W, 1, r),
    b1: normalArray(K * W, 0.5, r),
    W2: normalArray(K * W * 2, 0.6 / Math.sqrt(W), r),
    b2: normalArray(K * 2, 0.1, r),
    ...head,
  };
}

async function runStep(
  engine: EngineKind,
  model: ModelConfig,
  settings: TrainingSettings,
  updateMultiplier: boolean,
  seed: number,
  points: number,
): Promise<StepOutcome> {
  const r = createRandomStream(seed, 'agreement/state');
  const P = weightCount(model);
  const store = new ParameterStore(model, randomWeights(model, seed));
  const optimizer = new ParameterOptimizer(store.theta);
  const lambda = variableFrom(() => tf.scalar(0.5 + r.next()), false);
  const x = tf.tensor2d(normalArray(points * 2, 1, r), [points, 2]);
  const labels = Int32Array.from({ length: points }, () => r.int(model.classes));
  const oneHot = tf.tidy(() =>
    tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), model.classes), 'float32'),
  ) as tf.Tensor2D;
  const first = normalArray(P, 0.05, r);
  const second = Float32Array.from({ length: P }, () => 0.01 * r.next() ** 2);
  optimizer.begin(settings);
  tf.tidy(() => {
    optimizer.first.assign(tf.tensor1d(first));
    optimizer.second.assign(tf.tensor1d(second));
  });
  const record = trainingStep(
    engine,
    { store, optimizer, lambda },
    { x, oneHot },
    settings,
    updateMultiplier,
  );
  const outcome: StepOutcome = {
    record: (await record.data()) as Float32Array,
    theta: (await store.theta.data()) as Float32Array,
    first: (await optimizer.first.data()) as Float32Array,
    second: (await optimizer.second.data()) as Float32Array,
    lambda: (await lambda.data())[0],
  };
  tf.dispose([record, x, oneHot, lambda]);
  optimizer.dispose();
  store.dispose();
  return outcome;
}

function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < b.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += b[i] ** 2;
  }
  return diff === 0 ? 0 : Math.sqrt(diff / Math.max(norm, 1e-30));
}

function largestElementwise(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-30));
  return worst;
}

/** What to compare besides the gradient and the Adam step. */
export interface ComparisonOptions {
  seed?: number;
  /** Points in the batch (the WebGPU programs run 64 threads a workgroup, 256 in the stats one). */
  points?: number;
  /** Also compare an SGD step with momentum. */
  momentum?: boolean;
  /** Clip the gradient to half its length in the update steps (and check the clipped gradient). */
  clip?: boolean;
  /** Width of the case's model (default 6; wider models have more parameters than a workgroup). */
  width?: number;
}

/**
 * Compares the engines for one configuration on the active backend. `settings.optimizer` is ignored:
 * the gradient comes from an SGD step without momentum, the update check from an Adam step (and an
 * SGD step with momentum 0.9 when asked).
 */
export async function compareEngines(
  model: ModelConfig,
  settings: TrainingSettings,
  updateMultiplier: boolean,
  { seed = 1, points = 48, momentum = false, clip = false }: ComparisonOptions = {},
): Promise<EngineAgreement> {
  const sgd: TrainingSettings = {
    ...settings,
    optimizer: 'sgd',
    momentum: 0,
    learningRate: 1,
    gradientClip: 0,
  };
  const run = (engine: EngineKind, s: TrainingSettings) =>
    runStep(engine, model, s, updateMultiplier, seed, points);
  const [gradFused, gradReference] = [await run('fused', sgd), await run('reference', sgd)];
  let clipError = 0;
  let updateSettings = settings;
  if (clip) {
    // Half the gradient's length: with SGD at rate 1 and no momentum the new velocity is the
    // clipped gradient, which must be exactly half the unclipped one.
    const half = Math.sqrt(gradReference.first.reduce((sum, g) => sum + g * g, 0)) / 2;
    updateSettings = { ...settings, gradientClip: half };
    const expected = gradReference.first.map((g) => g / 2);
    const clipped = { ...sgd, gradientClip: half };
    const [fused, reference] = [await run('fused', clipped), await run('reference', clipped)];
    clipError = Math.max(relativeError(fused.first, expected), relativeError(reference.first, expected));
  }
  const adam: TrainingSettings = { ...updateSettings, optimizer: 'adam' };
  const heavyBall: TrainingSettings = {
    ...updateSettings,
    optimizer: 'sgd',
    momentum: 0.9,
    learningRate: 0.1,
  };
  const [adamFused, adamReference] = [await run('fused', adam), await run('reference', adam)];
  let momentumError = 0;
  if (momentum) {
    const [fused, reference] = [await run('fused', heavyBall), await run('reference', heavyBall)];
    momentumError = Math.max(
      relativeError(fused.theta, reference.theta),
      relativeError(fused.first, reference.first),
    );
  }
  const fusedGrads = unflattenWeights(gradFused.first, model)!;
  const referenceGrads = unflattenWeights(gradReference.first, model)!;
  const gradient = {} as EngineAgreement['gradient'];
  for (const name of WEIGHT_NAMES) gradient[name] = relativeError(fusedGrads[name], referenceGrads[name]);
  const headGrads =
    model.head === 'fixed'
      ? [...fusedGrads.headW, ...fusedGrads.headb, ...referenceGrads.headW, ...referenceGrads.headb]
      : [];
  return {
    record: Math.max(
      largestElementwise(gradFused.record, gradReference.record),
      largestElementwise(adamFused.record, adamReference.record),
    ),
    gradient,
    theta: relativeError(adamFused.theta, adamReference.theta),
    first: relativeError(adamFused.first, adamReference.first),
    second: relativeError(adamFused.second, adamReference.second),
    momentum: momentumError,
    clip: clipError,
    lambda: Math.abs(adamFused.lambda - adamReference.lambda) / adamReference.lambda,
    fixedHeadGradient: headGrads.reduce((m, g) => Math.max(m, Math.abs(g)), 0),
  };
}

/** The largest of all the relative errors of an agreement. */
export function worstError(a: EngineAgreement): number {
  return Math.max(
    a.record,
    ...Object.values(a.gradient),
    a.theta,
    a.first,
    a.second,
    a.momentum,
    a.clip,
    a.lambda,
  );
}

/** One configuration of the agreement tests. */
export interface AgreementCase {
  activation: Activation;
  stepSize: number;
  penalty: PenaltyMode;
  /** Least action: whether this step updates the multiplier. */
  update: boolean;
  head: HeadKind;
}

const AGREEMENT_BLOCKS = 4;

/**
 * Every activation, h = 1 and 1/K, every penalty mode (least action with and without a multiplier
 * update), the head alternating between learned and fixed.
 */
export const AGREEMENT_CASES: AgreementCase[] = (['tanh', 'relu', 'gelu'] as const).flatMap((activation) =>
  [1, 1 / AGREEMENT_BLOCKS].flatMap((stepSize) =>
    (
      [
        ['off', false],
        ['fixed', false],
        ['lap', true],
        ['lap', false],
      ] as const
    ).map(([penalty, update], i) => ({
      activation,
      stepSize,
      penalty,
      update,
      head: i % 2 === 0 ? ('learned' as const) : ('fixed' as const),
    })),
  ),
);

/** The three-class model of an agreement case. */
export function agreementModel(c: Pick<AgreementCase, 'activation' | 'stepSize' | 'head'>): ModelConfig {
  return {
    blocks: AGREEMENT_BLOCKS,
    width: 6,
    activation: c.activation,
    stepSize: c.stepSize,
    head: c.head,
    classes: 3,
  };
}

/** Runs both engines for a case on the active backend and expects them within `tolerance`. */
export async function expectEnginesAgree(
  c: AgreementCase,
  tolerance: number,
  options: ComparisonOptions = {},
): Promise<void> {
  const settings = { ...TEST_SETTINGS, penalty: c.penalty, weight: 0.7, tau: 0.8 };
  const model = { ...agreementModel(c), width: options.width ?? agreementModel(c).width };
  const agreement = await compareEngines(model, settings, c.update, options);
  expect(worstError(agreement), JSON.stringify(agreement)).toBeLessThanOrEqual(tolerance);
  expect(agreement.fixedHeadGradient).toBe(0);
}
