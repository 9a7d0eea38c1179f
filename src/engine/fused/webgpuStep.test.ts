import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeWebGPU } from '../nodeWebGPU';
import { useCpuBackend } from '../testing/cpuBackend';
import { AGREEMENT_CASES, agreementModel, expectEnginesAgree } from '../testing/engineAgreement';
import { effectiveEngine } from '../trainingStep';

describe('fused step against the reference engine on WebGPU (Dawn; a software adapter without a GPU)', () => {
  beforeAll(async () => {
    await useNodeWebGPU();
    expect(tf.getBackend()).toBe('webgpu');
  }, 120_000);
  afterAll(useCpuBackend);

  it('is the engine used for "fused" on WebGPU', () => {
    const model = agreementModel({ activation: 'tanh', stepSize: 1, head: 'learned' });
    expect(effectiveEngine('fused', model)).toBe('fused');
    // Its programs keep the logits in an array of 8: more classes fall back to the reference engine.
    expect(effectiveEngine('fused', { ...model, classes: 9 })).toBe('reference');
  });

  it.each(AGREEMENT_CASES)(
    '$activation, h = $stepSize, penalty $penalty (multiplier update: $update), $head head',
    (c) => expectEnginesAgree(c, 1e-4),
    120_000,
  );

  // AGREEMENT_CASES[2]: tanh, h = 1, least action with a multiplier update, learned head.
  it(
    'takes an SGD step with momentum as the reference engine does',
    () => expectEnginesAgree(AGREEMENT_CASES[2], 1e-4, { momentum: true }),
    120_000,
  );

  // 65: two workgroups of the per-point programs; 257: two passes of the stats reduction (256
  // threads); 700: both, with every gradient thread summing several points.
  it.each([65, 257, 700])(
    'agrees on a batch of %i points (more than one workgroup and reduction pass)',
    (points) => expectEnginesAgree(AGREEMENT_CASES[2], 1e-4, { points }),
    120_000,
  );

  // Width 40: 817 parameters, so each of the clip program's 256 threads sums several squares.
  it(
    'clips the gradient to half its length as the reference engine does (more parameters than threads)',
    () => expectEnginesAgree(AGREEMENT_CASES[2], 1e-4, { momentum: true, clip: true, width: 40 }),
    120_000,
  );
});
