import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBackendCandidates } from '../nodeBackends';
import { useCpuBackend } from '../testing/cpuBackend';
import { AGREEMENT_CASES, agreementModel, expectEnginesAgree } from '../testing/engineAgreement';
import { effectiveEngine } from '../trainingStep';

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
    const model = agreementModel({ activation: 'tanh', stepSize: 1, head: 'learned' });
    expect(effectiveEngine('fused', model)).toBe('fused');
    expect(effectiveEngine('reference', model)).toBe('reference');
  });

  it.each(AGREEMENT_CASES)(
    '$activation, h = $stepSize, penalty $penalty (multiplier update: $update), $head head, Adam and SGD with momentum',
    (c) => expectEnginesAgree(c, 1e-5, { momentum: true }),
  );

  it.each([1, 65, 300])('agrees on a batch of %i points', (points) =>
    expectEnginesAgree(AGREEMENT_CASES[2], 1e-5, { points, momentum: true }),
  );

  it('clips the gradient to half its length, in Adam and SGD, as the reference engine does', () =>
    expectEnginesAgree(AGREEMENT_CASES[2], 1e-5, { momentum: true, clip: true }));
});
