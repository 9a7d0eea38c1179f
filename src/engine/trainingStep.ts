/**
 * One training step, computed by either engine over the same state (flat parameters, optimiser
 * moments, multiplier):
 *   - reference: composed tfjs ops differentiated by tfjs (science.md sections 1-3 as written),
 *   - fused: the whole step as one custom kernel (src/engine/fused), where the backend has it.
 * Both return the step's record [CE, C, lambda used, weight used, loss] and leave no other tensor.
 * In least-action mode with updateMultiplier, lambda <- lambda + tau * CE of this batch comes first,
 * and the step minimises CE + C / lambda with the updated lambda.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { EngineKind, ModelConfig, TrainingSettings } from '../core/types';
import type { FusedStepConfig } from './fused/stepConfig';
import {
  ACTIVATION_CODES,
  OPTIMIZER_CODES,
  PENALTY_CODES,
  RECORD_SLOTS,
  recordInSlotOrder,
} from './fused/contract';
import { fusedStepAvailable, registerFusedKernels, runFusedStep } from './fused/kernel';
import { headLogits, runFlow } from './forward';
import { crossEntropy, kineticCost, stopGradient } from './objective';
import type { BiasPowers, ParameterOptimizer } from './optimizer';
import type { ParameterStore } from './params';

registerFusedKernels();

/** What a step reads and updates. */
export interface StepState {
  store: ParameterStore;
  optimizer: ParameterOptimizer;
  lambda: tf.Variable;
}

/** A batch on the device: coordinates [B, 2] and one-hot labels [B, C]. */
export interface StepBatch {
  x: tf.Tensor2D;
  oneHot: tf.Tensor2D;
}

/** The engine a step of this model will actually use on the active backend. */
export function effectiveEngine(requested: EngineKind, model: ModelConfig): EngineKind {
  return requested === 'fused' && fusedStepAvailable(model.classes) ? 'fused' : 'reference';
}

/** One step of an engine; returns the record (kept, the caller disposes it). */
type StepFunction = (
  state: StepState,
  batch: StepBatch,
  settings: TrainingSettings,
  updateMultiplier: boolean,
) => tf.Tensor1D;

/** Runs one step with the given engine; returns the record (kept, the caller disposes it). */
export function trainingStep(engine: EngineKind, ...args: Parameters<StepFunction>): tf.Tensor1D {
  return (engine === 'fused' ? fusedStep : referenceStep)(...args);
}

const referenceStep: StepFunction = (state, batch, s, updateMultiplier) => {
  const { store, optimizer } = state;
  let record: tf.Tensor1D | null = null;
  const { value, grads } = tf.variableGrads(() => {
    const params = store.views();
    const { final, energies } = runFlow(params, store.model, batch.x, false);
    const ce = crossEntropy(headLogits(params, final), batch.oneHot);
    const kinetic = kineticCost(energies);
    let lambda: tf.Scalar = state.lambda as tf.Scalar;
    let weight: tf.Scalar;
    if (s.penalty === 'lap') {
      if (updateMultiplier) lambda = tf.add(lambda, tf.mul(stopGradient(ce), s.tau));
      weight = tf.div(1, lambda);
    } else {
      weight = tf.scalar(s.penalty === 'fixed' ? s.weight : 0);
    }
    const loss = s.penalty === 'off' ? ce : tf.add(ce, tf.mul(weight, kinetic));
    record = tf.keep(
      tf.stack(
        recordInSlotOrder({
          crossEntropy: ce,
          kineticCost: kinetic,
          lambda,
          weight,
          loss: loss as tf.Scalar,
        }),
      ) as tf.Tensor1D,
    );
    return loss as tf.Scalar;
  }, [store.theta]);
  const kept = record as unknown as tf.Tensor1D;
  const grad = tf.tidy(() =>
    store.trainableMask
      ? tf.mul(grads[store.theta.name], store.trainableMask)
      : grads[store.theta.name].clone(),
  );
  value.dispose();
  tf.dispose(grads);
  if (updateMultiplier) assignMultiplier(state.lambda, kept);
  optimizer.apply(grad, s);
  grad.dispose();
  return kept;
};

const fusedStep: StepFunction = (state, batch, s, updateMultiplier) => {
  const { store, optimizer } = state;
  const powers = optimizer.begin(s);
  const [theta, first, second, stats] = runFusedStep(
    {
      theta: store.theta,
      first: optimizer.first,
      second: optimizer.second,
      x: batch.x,
      oneHot: batch.oneHot,
      lambda: state.lambda,
    },
    fusedConfig(store.model, s, updateMultiplier, powers),
  );
  store.theta.assign(theta);
  optimizer.first.assign(first);
  optimizer.second.assign(second);
  tf.dispose([theta, first, second]);
  if (updateMultiplier) assignMultiplier(state.lambda, stats);
  return stats;
};

/** lambda <- the multiplier the step used (its record's lambda slot). */
function assignMultiplier(lambda: tf.Variable, record: tf.Tensor1D): void {
  tf.tidy(() => lambda.assign(tf.reshape(tf.slice(record, [RECORD_SLOTS.lambda], [1]), [])));
}

/** The fused kernel's attributes for a step. */
export function fusedConfig(
  model: ModelConfig,
  s: TrainingSettings,
  updateMultiplier: boolean,
  powers: BiasPowers,
): FusedStepConfig {
  return {
    blocks: model.blocks,
    width: model.width,
    classes: model.classes,
    stepSize: model.stepSize,
    activation: ACTIVATION_CODES[model.activation],
    headTrainable: model.head === 'learned',
    penalty: PENALTY_CODES[s.penalty],
    weight: s.weight,
    tau: s.tau,
    updateMultiplier,
    optimizer: OPTIMIZER_CODES[s.optimizer],
    learningRate: s.learningRate,
    beta1: s.beta1,
    beta2: s.beta2,
    epsilon: s.epsilon,
    momentum: s.momentum,
    gradientClip: s.gradientClip,
    beta1Power: powers.beta1Power,
    beta2Power: powers.beta2Power,
  };
}
