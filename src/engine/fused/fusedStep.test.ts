import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, HeadKind, PenaltyMode } from '../../core/types';
import { nodeBackendCandidates } from '../nodeBackends';
import { useCpuBackend } from '../testing/cpuBackend';
import { compareEngines, worstError } from '../testing/engineAgreement';
import { TEST_SETTINGS } from '../testing/fixtures';
import { effectiveEngine } from '../trainingStep';

const K = 4;
const ACTIVATIONS: Activation[] = ['tanh', 'relu', 'gelu'];
const STEP_SIZES = [1, 1 / K];
/** Penalty modes, least action with and without a multiplier update at this step. */
const PENALTIES: [PenaltyMode, boolean][] = [
  ['off', false],
  ['fixed', false],
  ['lap', true],
  ['lap', false],
];

const cases = ACTIVATIONS.flatMap((activation) =>
  STEP_SIZES.flatMap((stepSize) =>
    PENALTIES.map(([penalty, update], i) => ({
      activation,
      stepSize,
      penalty,
      update,
      head: (i % 2 === 0 ? 'learned' : 'fixed') as HeadKind,
    })),
  ),
);

async function useWasmBackend(): Promise<void> {
  const wasm = nodeBackendCandidates().find((c) => c.name === 'wasm')!;
  await wasm.prepare(false);
  await tf.setBackend('wasm');
  await tf.ready();
}

describe.each([
  ['cpu', useCpuBackend],
  ['wasm', useWasmBackend],
] as const)('fused step against the reference engine on %s', (backend, use) => {
  beforeAll(async () => {
    await use();
    expect(tf.getBackend()).toBe(backend);
  });
  afterAll(useCpuBackend);

  it('is the engine used for "fused" on this backend', () => {
    const model = {
      blocks: K,
      width: 6,
      activation: 'tanh' as const,
      stepSize: 1,
      head: 'learned' as const,
      classes: 3,
    };
    expect(effectiveEngine('fused', model)).toBe('fused');
    expect(effectiveEngine('reference', model)).toBe('reference');
  });

  it.each(cases)(
    '$activation, h = $stepSize, penalty $penalty (multiplier update: $update), $head head',
    async ({ activation, stepSize, penalty, update, head }) => {
      const model = { blocks: K, width: 6, activation, stepSize, head, classes: 3 };
      const settings = { ...TEST_SETTINGS, penalty, weight: 0.7, tau: 0.8 };
      const agreement = await compareEngines(model, settings, update);
      expect(worstError(agreement), JSON.stringify(agreement)).toBeLessThanOrEqual(1e-5);
      expect(agreement.fixedHeadGradient).toBe(0);
    },
  );
});
