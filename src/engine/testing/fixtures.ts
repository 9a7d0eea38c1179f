import type { Activation, HeadKind, ModelConfig, RunConfig, TrainingSettings } from '../../core/types';

/**
 * Training settings of the tests: Adam at a constant rate (no warm-up or decay, no clipping), full batch, least
 * action with the paper's defaults, fused engine.
 */
export const TEST_SETTINGS: TrainingSettings = {
  penalty: 'lap',
  weight: 0.1,
  lambda0: 1,
  tau: 1,
  every: 1,
  optimizer: 'adam',
  learningRate: 0.01,
  warmup: 0,
  decay: 0,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  momentum: 0.9,
  gradientClip: 0,
  batchSize: 0,
  engine: 'fused',
};

/** A small two-class model. */
export function testModel(
  activation: Activation = 'tanh',
  stepSize = 1,
  head: HeadKind = 'learned',
): ModelConfig {
  return { blocks: 3, width: 5, activation, stepSize, head, classes: 2 };
}

/** A small moons run. */
export function testRun(
  overrides: Partial<TrainingSettings> = {},
  model: ModelConfig = testModel(),
): RunConfig {
  return {
    data: { kind: 'moons', n: 24, nTest: 16, noise: 0.1, blobClasses: 3, seed: 3 },
    model,
    training: { ...TEST_SETTINGS, ...overrides },
    seed: 3,
  };
}
