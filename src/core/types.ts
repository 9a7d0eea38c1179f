/**
 * Plain data types shared by the page, the worker, the engine and the CLI. No behaviour here.
 * Arrays of 2D points are flat: point i is at [2i, 2i + 1].
 */

/** A labelled set of points in the plane. */
export interface PointSet {
  /** Coordinates, [n][2] flattened (x of point i at 2i, y at 2i + 1). */
  x: Float32Array;
  /** Class labels in 0..classes-1, [n]. */
  y: Uint8Array;
  /** Number of classes of the dataset this set was drawn from (some may be absent in tiny sets). */
  classes: number;
}

/** The datasets the app can generate. */
export type SampledKind = 'moons' | 'circles' | 'spiral' | 'spiral3' | 'xor' | 'blobs' | 'checker';
/** Every kind of data: a generated dataset, or the user's own points ("custom"). */
export type DatasetKind = SampledKind | 'custom';

/** Everything that determines the training and test points. */
export interface DatasetSpec {
  kind: DatasetKind;
  /** Number of training points. */
  n: number;
  /** Number of held-out test points. */
  nTest: number;
  /** Standard deviation of the Gaussian noise added to every coordinate, in data units. */
  noise: number;
  /** Number of classes for blobs (2-4); ignored by the other datasets. */
  blobClasses: number;
  /** Scenario seed; the data use its streams "data/train" and "data/test". */
  seed: number;
  /** The user's own points (kind "custom"): coordinates [n][2] and labels [n]. */
  points?: { x: Float32Array; y: Uint8Array };
}

/** Nonlinearity of the velocity fields. GELU is the exact (erf) form. */
export type Activation = 'tanh' | 'relu' | 'gelu';

/** Learned linear head, or the frozen head of the authors' 2D study (see src/engine/README.md). */
export type HeadKind = 'learned' | 'fixed';

/** The shape of the residual network x_{k+1} = x_k + h * v_k(x_k), v_k(z) = W2 act(W1 z + b1) + b2. */
export interface ModelConfig {
  /** K, the number of residual blocks. */
  blocks: number;
  /** Hidden width of each velocity field. */
  width: number;
  activation: Activation;
  /** h, the time step: 1, or 1/K for the ODE view. */
  stepSize: number;
  head: HeadKind;
  /** Number of classes C (the head maps R^2 to R^C). */
  classes: number;
}

/** Off: loss = CE. Fixed: CE + weight * C. Least action: the paper's adaptive multiplier. */
export type PenaltyMode = 'off' | 'fixed' | 'lap';

export type OptimizerKind = 'adam' | 'sgd';

/**
 * How a training step is computed: fused (one kernel per step, on the backends that have it) or
 * reference (composed tfjs ops with automatic differentiation, on every backend).
 */
export type EngineKind = 'fused' | 'reference';

/** Settings that can change between two training steps without rebuilding anything. */
export interface TrainingSettings {
  penalty: PenaltyMode;
  /** Penalty weight a of the fixed mode (loss = CE + a C). */
  weight: number;
  /** Least action: initial multiplier lambda0 (the transport weight starts at 1/lambda0). */
  lambda0: number;
  /** Least action: multiplier step tau (lambda <- lambda + tau * CE). */
  tau: number;
  /** Least action: update lambda every s steps (0: never). */
  every: number;
  optimizer: OptimizerKind;
  /** Peak learning rate (src/core/learningRate.ts gives the rate of each step). */
  learningRate: number;
  /** Steps over which the learning rate grows linearly to learningRate (0: none). */
  warmup: number;
  /** Decay after the warm-up: the rate is multiplied by sqrt(decay / (decay + t)) (0: none). */
  decay: number;
  /** Adam's first-moment decay. */
  beta1: number;
  /** Adam's second-moment decay. */
  beta2: number;
  /** Adam's epsilon, explicit so that every backend uses the same value. */
  epsilon: number;
  /** SGD momentum (0: plain SGD). */
  momentum: number;
  /** Global gradient-norm clipping: a longer gradient is scaled to this length first (0: off). */
  gradientClip: number;
  /** Mini-batch size; 0 or >= n means full batch. */
  batchSize: number;
  /** The engine asked for; fused falls back to reference where the backend has no fused step. */
  engine: EngineKind;
}

/** Everything needed to build and train one run. */
export interface RunConfig {
  data: DatasetSpec;
  model: ModelConfig;
  training: TrainingSettings;
  /** Scenario seed; initial weights use stream "init", batches "batches". */
  seed: number;
}

/**
 * An optimiser's state, so that a run can continue exactly on another backend or in another worker:
 * the moments in the layout of the model's flat parameter buffer, and Adam's running powers.
 */
export interface OptimizerState {
  /** The kind the moments belong to (null: no step taken since they were cleared). */
  kind: OptimizerKind | null;
  /** Adam's first moment m, or SGD's velocity u. */
  first: Float32Array;
  /** Adam's second moment v (zeros for SGD). */
  second: Float32Array;
  /** beta1^t and beta2^t of the last step taken (1 before any). */
  beta1Power: number;
  beta2Power: number;
}
