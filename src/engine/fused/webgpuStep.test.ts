import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activation, HeadKind, PenaltyMode } from '../../core/types';
import { useCpuBackend } from '../testing/cpuBackend';
import { compareEngines, worstError } from '../testing/engineAgreement';
import { TEST_SETTINGS } from '../testing/fixtures';
import { useNodeWebGPU } from '../nodeWebGPU';
import { effectiveEngine } from '../trainingStep';

const K = 4;
const ACTIVATIONS: Activation[] = ['tanh', 'relu', 'gelu'];
const PENALTIES: [PenaltyMode, boolean][] = [
  ['off', false],
  ['fixed', false],
  ['lap', true],
  ['lap', false],
];
const cases = ACTIVATIONS.flatMap((activation) =>
  [1, 1 / K].flatMap((stepSize) =>
    PENALTIES.map(([penalty, update], i) => ({
      activation,
      stepSize,
      penalty,
      update,
      head: (i % 2 === 0 ? 'learned' : 'fixed') as HeadKind,
    })),
  ),
);

describe('fused step against the reference engine on WebGPU (Dawn, software adapter here)', () => {
  beforeAll(async () => {
    await useNodeWebGPU();
    expect(tf.getBackend()).toBe('webgpu');
  }, 120_000);
  afterAll(useCpuBackend);

  it('is the engine used for "fused" on WebGPU', () => {
    const model = {
      blocks: K,
      width: 6,
      activation: 'tanh' as const,
      stepSize: 1,
      head: 'learned' as const,
      classes: 3,
    };
    expect(effectiveEngine('fused', model)).toBe('fused');
  });

  it.each(cases)(
    '$activation, h = $stepSize, penalty $penalty (multiplier update: $update), $head head',
    async ({ activation, stepSize, penalty, update, head }) => {
      const model = { blocks: K, width: 6, activation, stepSize, head, classes: 3 };
      const settings = { ...TEST_SETTINGS, penalty, weight: 0.7, tau: 0.8 };
      const agreement = await compareEngines(model, settings, update);
      expect(worstError(agreement), JSON.stringify(agreement)).toBeLessThanOrEqual(1e-4);
      expect(agreement.fixedHeadGradient).toBe(0);
    },
    120_000,
  );
});
