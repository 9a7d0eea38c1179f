/**
 * Runs of fused steps on the CPU and WASM backends without a tensor per step (Trainer.stepMany): the
 * state is read once, the steps run back to back in the WebAssembly module (fused/cpuStep.ts,
 * CpuStepLoop) and the state is written back once. Each step is the kernel call that trainingStep's
 * fused step makes, on the same inputs, so the numbers are the same to the bit; what it saves is
 * tfjs's work around each call (a dozen tensors made and freed), most of a small network's step.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { EngineKind, ModelConfig, TrainingSettings } from '../core/types';
import { RECORD_LENGTH, RECORD_SLOTS } from './fused/contract';
import { CpuStepLoop, cpuStepSupported } from './fused/cpuStep';
import type { StepState } from './trainingStep';
import { fusedConfig } from './trainingStep';

/** What one step of a run uses: its settings (learning rate included) and its batch. */
export interface StepPlan {
  settings: TrainingSettings;
  updateMultiplier: boolean;
  /** The training points of the batch; null: all of them. */
  batch: Int32Array | null;
}

/** Whether steps of this engine on the active backend can run as a loop in the CPU module. */
export function cpuStepsAvailable(engine: EngineKind): boolean {
  const backend = tf.getBackend();
  return engine === 'fused' && (backend === 'cpu' || backend === 'wasm') && cpuStepSupported();
}

function gather(all: { x: Float32Array; oneHot: Float32Array }, rows: Int32Array, classes: number) {
  const x = new Float32Array(rows.length * 2);
  const oneHot = new Float32Array(rows.length * classes);
  rows.forEach((row, i) => {
    x.set(all.x.subarray(2 * row, 2 * row + 2), 2 * i);
    oneHot.set(all.oneHot.subarray(row * classes, (row + 1) * classes), i * classes);
  });
  return { x, oneHot };
}

/**
 * Takes `count` steps (count >= 1; check cpuStepsAvailable first), step i as `plan(i)` says, calling
 * plan in step order. Updates the state's weights, moments and multiplier.
 * @returns the steps' records, [count][RECORD_LENGTH] flattened
 */
export function fusedCpuSteps(
  state: StepState,
  model: ModelConfig,
  train: { x: Float32Array; oneHot: Float32Array },
  plan: (i: number) => StepPlan,
  count: number,
): Float32Array {
  const { store, optimizer } = state;
  const records = new Float32Array(count * RECORD_LENGTH);
  let lambda = state.lambda.dataSync()[0];
  let multiplierMoved = false;
  let loop: CpuStepLoop | null = null;
  for (let i = 0; i < count; i++) {
    const { settings, updateMultiplier, batch } = plan(i);
    // begin() comes first, as in a single step: it may clear the moments (a new optimiser).
    const config = fusedConfig(model, settings, updateMultiplier, optimizer.begin(settings));
    const points = batch ? gather(train, batch, model.classes) : train;
    if (loop === null) {
      const now = {
        theta: store.theta.dataSync() as Float32Array,
        first: optimizer.first.dataSync() as Float32Array,
        second: optimizer.second.dataSync() as Float32Array,
      };
      loop = new CpuStepLoop(config, now, points.x, points.oneHot);
    } else if (batch) {
      loop.setBatch(points.x, points.oneHot);
    }
    const record = records.subarray(i * RECORD_LENGTH, (i + 1) * RECORD_LENGTH);
    loop.step(config, lambda, record);
    if (updateMultiplier) {
      lambda = record[RECORD_SLOTS.lambda];
      multiplierMoved = true;
    }
  }
  const after = loop!.read();
  for (const [variable, values] of [
    [store.theta, after.theta],
    [optimizer.first, after.first],
    [optimizer.second, after.second],
  ] as const) {
    tf.tidy(() => variable.assign(tf.tensor1d(values)));
  }
  if (multiplierMoved) tf.tidy(() => state.lambda.assign(tf.scalar(lambda)));
  return records;
}
