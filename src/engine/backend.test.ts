import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendCandidate } from './backend';
import { selectBackend } from './backend';
import { useCpuBackend } from './testing/cpuBackend';

// A "webgl" that registers but cannot initialise, and a "webgpu" whose adapter is a software one.
tf.registerBackend(
  'webgl',
  () => {
    throw new Error('no WebGL context');
  },
  0,
);

const cpu: BackendCandidate = { name: 'cpu', prepare: async () => null };
const webgl: BackendCandidate = { name: 'webgl', prepare: async () => null };
const softwareGpu: BackendCandidate = {
  name: 'webgpu',
  prepare: async (requested) =>
    requested ? 'software adapter refused by the test' : 'software adapter (SwiftShader)',
};

afterAll(() => tf.removeBackend('webgl'));

describe('selectBackend', () => {
  it('falls through auto order past a software adapter and a failing backend', async () => {
    await useCpuBackend();
    const report = await selectBackend('auto', [softwareGpu, webgl, cpu]);
    expect(report.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(report.fallbackNotice).toBeNull();
    expect(report.skipped.map((s) => s.name)).toEqual(['wasm', 'webgpu', 'webgl']);
    expect(report.skipped[1].reason).toContain('software');
    expect(report.skipped[2].reason).toContain('failed to initialise');
  });

  it('falls back with a notice when a requested backend fails', async () => {
    const report = await selectBackend('webgl', [webgl, cpu]);
    expect(report.name).toBe('cpu');
    expect(report.fallbackNotice).toMatch(
      /WebGL was requested but cannot be used .*failed to initialise.*CPU/,
    );
  });

  it('tells the candidate it was requested by name', async () => {
    const seen: boolean[] = [];
    const probe: BackendCandidate = {
      name: 'webgpu',
      prepare: async (requested) => {
        seen.push(requested);
        return 'no adapter';
      },
    };
    await selectBackend('webgpu', [probe, cpu]);
    await selectBackend('auto', [probe, cpu]);
    expect(seen).toEqual([true, false]);
  });

  it('reports a candidate that throws, and fails clearly when nothing works', async () => {
    const broken: BackendCandidate = {
      name: 'cpu',
      prepare: async () => {
        throw new Error('boom');
      },
    };
    await expect(selectBackend('auto', [broken])).rejects.toThrow(
      /No TensorFlow.js backend.*CPU \(JavaScript\): boom/,
    );
  });
});
