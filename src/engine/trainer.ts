/**
 * One training run: data on the device, the model's variables, the optimiser, the least-action
 * multiplier and the batch order, with live setters that act on the next step. One instance per
 * run; reset() rebuilds the initial state from the seed without reallocating anything.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BatchSampler } from '../core/batches';
import { createBatchSampler } from '../core/batches';
import { makeDataset } from '../core/datasets';
import type { SnapshotLayout } from '../core/snapshot';
import type {
  EngineKind,
  ModelConfig,
  OptimizerState,
  PointSet,
  RunConfig,
  TrainingSettings,
} from '../core/types';
import { ParameterOptimizer } from './optimizer';
import { ParameterStore, variableFrom } from './params';
import { effectiveEngine, trainingStep } from './trainingStep';
import type { StepPlan } from './fusedCpuSteps';
import { cpuStepsAvailable, fusedCpuSteps } from './fusedCpuSteps';
import type { DevicePoints } from './devicePoints';
import { disposePoints, hostBatch, packSnapshot, upload } from './devicePoints';
import type { WeightArrays } from '../core/weights';
import { initialWeights } from '../core/weights';
import { learningRateAt } from '../core/learningRate';
import { computeFields } from './viewFields';
import type { FieldRequest } from '../core/fieldGrids';

/**
 * The state after `step` steps that a view is computed from: weights (WEIGHT_NAMES order, as in
 * src/core/weights.ts), the multiplier lambda and the penalty weight the next step uses.
 */
export interface KeptState {
  step: number;
  weights: Float32Array;
  lambda: number;
  weight: number;
}

/** A snapshot packed on the device side and read back: see src/core/snapshot.ts for the layout. */
export interface PackedSnapshot {
  /** Number of steps taken when the snapshot was read. */
  step: number;
  layout: SnapshotLayout;
  data: Float32Array;
}

export class Trainer {
  /** Training and test points (host copies). */
  readonly data: { train: PointSet; test: PointSet };
  readonly model: ModelConfig;
  readonly seed: number;
  private settings: TrainingSettings;
  private readonly store: ParameterStore;
  private readonly optimizer: ParameterOptimizer;
  private readonly lambda: tf.Variable;
  private readonly train: DevicePoints;
  private readonly test: DevicePoints;
  private sampler: BatchSampler;
  private steps = 0;
  /** The per-step records since the last readback, in chunks of whole rows ([rows][5] flattened). */
  private records: tf.Tensor1D[] = [];
  private recordRows = 0;
  /** Host copies of the training points and labels for runs of steps in the CPU module. */
  private hostTrain: { x: Float32Array; oneHot: Float32Array } | null = null;
  /** States kept by keepState() and not read back yet: [P + 2] each (weights, lambda, weight). */
  private kept: { step: number; packed: tf.Tensor }[] = [];

  /** @param config the run; config.model.classes must match the dataset */
  constructor(config: RunConfig) {
    this.model = config.model;
    this.seed = config.seed;
    this.settings = { ...config.training };
    this.data = makeDataset(config.data);
    if (this.data.train.classes !== this.model.classes) {
      throw new Error(`The model has ${this.model.classes} classes, the data ${this.data.train.classes}.`);
    }
    this.train = upload(this.data.train);
    this.test = upload(this.data.test);
    this.store = new ParameterStore(this.model, initialWeights(this.model, this.seed));
    this.optimizer = new ParameterOptimizer(this.store.theta);
    this.lambda = variableFrom(() => tf.scalar(this.settings.lambda0), false);
    this.sampler = createBatchSampler(this.data.train.y.length, this.settings.batchSize, this.seed);
  }

  /** Number of steps taken since construction or the last reset. */
  get stepCount(): number {
    return this.steps;
  }

  /** The settings the next step will use. */
  get currentSettings(): Readonly<TrainingSettings> {
    return this.settings;
  }

  /**
   * Changes settings from the next step on, keeping weights, optimiser state and step count.
   * A new lambda0 restarts the multiplier at lambda0; a new batch size continues the batch stream.
   */
  updateSettings(patch: Partial<TrainingSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if (patch.lambda0 !== undefined) this.setMultiplier(patch.lambda0);
    if (patch.batchSize !== undefined) this.sampler.setBatchSize(patch.batchSize);
  }

  /** Sets the least-action multiplier lambda (the transport weight becomes 1/lambda). */
  setMultiplier(lambda: number): void {
    tf.tidy(() => this.lambda.assign(tf.scalar(lambda)));
  }

  /** The engine the next step uses: the one asked for when the active backend has it, else reference. */
  get engine(): EngineKind {
    return effectiveEngine(this.settings.engine, this.model);
  }

  /**
   * One optimiser step on the next batch (src/engine/trainingStep.ts) at the scheduled learning rate
   * of this step (src/core/learningRate.ts). No value is read back: the step's CE, C, lambda, weight
   * and loss are kept on the device until the next snapshot.
   */
  step(): void {
    const { settings, updateMultiplier, batch: indices } = this.planStep(this.steps);
    const batch = indices
      ? tf.tidy(() => {
          const rows = tf.tensor1d(indices, 'int32');
          return { x: tf.gather(this.train.x, rows), oneHot: tf.gather(this.train.oneHot, rows) };
        })
      : this.train;
    const state = { store: this.store, optimizer: this.optimizer, lambda: this.lambda };
    this.records.push(trainingStep(this.engine, state, batch, settings, updateMultiplier));
    this.recordRows++;
    if (indices) tf.dispose([batch.x, batch.oneHot]);
    this.steps++;
  }

  /**
   * `count` steps, exactly as `count` calls of step() take them (the same numbers to the bit). With
   * the fused engine on the CPU or WASM backend they run back to back in the WebAssembly module, with
   * no tensor per step: several times faster for small networks.
   */
  stepMany(count: number): void {
    if (count <= 0) return;
    if (!cpuStepsAvailable(this.engine)) {
      for (let i = 0; i < count; i++) this.step();
      return;
    }
    this.hostTrain ??= hostBatch(this.data.train, this.model.classes);
    const state = { store: this.store, optimizer: this.optimizer, lambda: this.lambda };
    const start = this.steps;
    const records = fusedCpuSteps(state, this.model, this.hostTrain, (i) => this.planStep(start + i), count);
    this.records.push(tf.tensor1d(records));
    this.recordRows += count;
    this.steps += count;
  }

  /** The settings, multiplier update and batch of step `step` (draws the batch from the stream). */
  private planStep(step: number): StepPlan {
    const s = this.settings;
    return {
      settings: { ...s, learningRate: learningRateAt(s, step) },
      updateMultiplier: s.penalty === 'lap' && s.every > 0 && step % s.every === 0,
      batch: this.sampler.next(),
    };
  }

  /**
   * Evaluates the current weights on all training and test points and reads everything back in one
   * transfer: positions at every depth, losses, accuracies, C, lambda, the next step's penalty weight,
   * E_k, and the per-step history since the previous snapshot.
   */
  async snapshot(): Promise<PackedSnapshot> {
    const historyRows = this.recordRows;
    const step = this.steps;
    const packed = tf.tidy(() => {
      const history = historyRows > 0 ? tf.concat(this.records) : tf.zeros([0]);
      return this.evaluate(this.store.theta, this.lambda, this.nextWeight(), history);
    });
    this.forgetRecords();
    return this.readSnapshot(packed, step, historyRows);
  }

  /**
   * The snapshot of a kept state (src/worker/trainingHistory.ts) through the same evaluation as
   * snapshot(), so that it equals the live snapshot taken at that step (without history rows).
   */
  async snapshotOf(state: KeptState): Promise<PackedSnapshot> {
    const packed = tf.tidy(() =>
      this.evaluate(
        tf.tensor1d(state.weights),
        tf.scalar(state.lambda),
        tf.scalar(state.weight),
        tf.zeros([0]),
      ),
    );
    return this.readSnapshot(packed, state.step, 0);
  }

  /** The field layers of a kept state (layout in src/core/fieldGrids.ts). */
  async fieldsOf(state: KeptState, request: FieldRequest): Promise<Float32Array> {
    const packed = tf.tidy(() =>
      computeFields(this.store.views(tf.tensor1d(state.weights)), this.model, request),
    );
    const data = (await packed.data()) as Float32Array;
    packed.dispose();
    return data;
  }

  /**
   * Keeps the current weights, multiplier and next penalty weight on the device, without reading
   * them back (a step stays free of readbacks); takeKeptStates() reads them all at once.
   */
  keepState(): void {
    const packed = tf.tidy(() =>
      tf.concat([this.store.theta, tf.reshape(this.lambda, [1]), tf.reshape(this.nextWeight(), [1])]),
    );
    this.kept.push({ step: this.steps, packed });
  }

  /** Reads back and forgets the states kept since the last call, in step order. */
  async takeKeptStates(): Promise<KeptState[]> {
    const kept = this.kept;
    this.kept = [];
    const out: KeptState[] = [];
    for (const { step, packed } of kept) {
      const data = (await packed.data()) as Float32Array;
      packed.dispose();
      const size = data.length - 2;
      out.push({ step, weights: data.slice(0, size), lambda: data[size], weight: data[size + 1] });
    }
    return out;
  }

  /** packSnapshot of weights theta ([P]) on this run's points. Call inside tidy. */
  private evaluate(theta: tf.Tensor, lambda: tf.Tensor, weight: tf.Tensor, history: tf.Tensor): tf.Tensor {
    return packSnapshot(this.store.views(theta), this.model, this.train, this.test, {
      lambda,
      weight,
      history,
    });
  }

  private async readSnapshot(packed: tf.Tensor, step: number, historyRows: number): Promise<PackedSnapshot> {
    const data = (await packed.data()) as Float32Array;
    packed.dispose();
    return {
      step,
      layout: {
        blocks: this.model.blocks,
        trainPoints: this.data.train.y.length,
        testPoints: this.data.test.y.length,
        historyRows,
      },
      data,
    };
  }

  /**
   * Reads back and forgets the per-step records since the last snapshot or call ([rows][5], fields in
   * HISTORY_FIELDS order): a light readback for scripts that do not need positions.
   */
  async takeHistory(): Promise<Float32Array> {
    if (this.records.length === 0) return new Float32Array(0);
    const stacked = tf.concat(this.records);
    this.forgetRecords();
    const data = (await stacked.data()) as Float32Array;
    stacked.dispose();
    return data;
  }

  /** The penalty weight the next step will use, as a scalar tensor. */
  private nextWeight(): tf.Scalar {
    const s = this.settings;
    if (s.penalty === 'lap') return tf.div(1, this.lambda as tf.Scalar);
    return tf.scalar(s.penalty === 'fixed' ? s.weight : 0);
  }

  /** The view's field layers for the current weights (layout in src/core/fieldGrids.ts). */
  async fields(request: FieldRequest): Promise<Float32Array> {
    const packed = tf.tidy(() => computeFields(this.store.views(), this.model, request));
    const data = (await packed.data()) as Float32Array;
    packed.dispose();
    return data;
  }

  /** The current weights as plain arrays. */
  weights(): Promise<WeightArrays> {
    return this.store.read();
  }

  /** Replaces the weights (same model shape), keeping the step count and the optimiser state. */
  setWeights(weights: WeightArrays): void {
    this.store.assign(weights);
  }

  /**
   * Continues from a trained state: its weights, step count and multiplier, and the optimiser's state
   * when given (then the run continues exactly as it would have; without it the moments start from
   * zero). The batch stream is advanced to that step.
   */
  restoreState(weights: WeightArrays, step: number, lambda: number, optimizer?: OptimizerState): void {
    this.reset();
    this.store.assign(weights);
    if (optimizer && optimizer.first.length === this.store.theta.size) this.optimizer.restore(optimizer);
    for (let i = 0; i < step; i++) if (this.sampler.next() === null) break;
    this.steps = step;
    if (Number.isFinite(lambda) && lambda > 0) this.setMultiplier(lambda);
  }

  /** The optimiser's moments and powers (a readback). */
  optimizerState(): Promise<OptimizerState> {
    return this.optimizer.read();
  }

  /** The current multiplier lambda (one small readback). */
  async multiplier(): Promise<number> {
    return (await this.lambda.data())[0];
  }

  /** Back to step 0: seeded initial weights, fresh optimiser, lambda = lambda0, the batch stream restarted. */
  reset(): void {
    this.store.assign(initialWeights(this.model, this.seed));
    this.optimizer.clearState();
    this.setMultiplier(this.settings.lambda0);
    this.sampler = createBatchSampler(this.data.train.y.length, this.settings.batchSize, this.seed);
    this.forgetRecords();
    this.disposeKept();
    this.steps = 0;
  }

  /** Frees every tensor this run holds. */
  dispose(): void {
    this.forgetRecords();
    this.disposeKept();
    this.store.dispose();
    this.optimizer.dispose();
    this.lambda.dispose();
    disposePoints(this.train);
    disposePoints(this.test);
  }

  private forgetRecords(): void {
    tf.dispose(this.records);
    this.records = [];
    this.recordRows = 0;
  }

  private disposeKept(): void {
    tf.dispose(this.kept.map((k) => k.packed));
    this.kept = [];
  }
}
