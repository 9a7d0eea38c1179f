import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { measureTransport } from '../core/measures';
import type { ModelConfig } from '../core/types';
import { oracleForward } from '../engine/testing/oracle';
import { parseCliArgs } from './args';

const run = promisify(execFile);
const cli = (args: string[]) =>
  run('npx', ['tsx', 'src/cli/launch.ts', 'src/cli/train.ts', ...args], { cwd: process.cwd() });

describe('parseCliArgs', () => {
  it('accepts the documented options', () => {
    expect(
      parseCliArgs(['v=2', '--steps', '20', '--json', '--dump', 'out.json', '--backend', 'wasm']),
    ).toEqual({
      options: { scenario: 'v=2', steps: 20, json: true, dump: 'out.json', backend: 'wasm' },
    });
    expect(parseCliArgs(['v=2'])).toEqual({
      options: { scenario: 'v=2', steps: null, json: false, dump: null, backend: 'cpu' },
    });
  });

  it('rejects bad arguments with a message', () => {
    for (const args of [
      [],
      ['a', 'b'],
      ['v=2', '--steps', '-3'],
      ['v=2', '--steps', '1.5'],
      ['v=2', '--backend', 'gpu'],
      ['v=2', '--bogus'],
    ]) {
      const result = parseCliArgs(args);
      expect('error' in result, JSON.stringify(args)).toBe(true);
    }
  });
});

describe('npm run train', () => {
  it('exits with code 2 and the usage on bad arguments, without a stack trace', async () => {
    const failure = await cli(['--steps', 'many', 'v=2']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    const { stderr } = failure as { stderr: string };
    expect(stderr).toContain('Usage: npm run train');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('trains moons and dumps a file from which every printed number can be recomputed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lal-cli-'));
    const dumpPath = join(dir, 'run.json');
    const { stdout } = await cli([
      // A constant rate (no warm-up): 200 steps are then enough to separate the moons.
      '#v=2&data=moons&n=40&noise=0.2&K=4&width=8&h=1/K&warmup=0&decay=0',
      '--steps',
      '200',
      '--json',
      '--dump',
      dumpPath,
    ]);
    const printed = JSON.parse(stdout);
    const dump = JSON.parse(readFileSync(dumpPath, 'utf8'));
    expect(printed.steps).toBe(200);
    expect(printed.diverged).toBeNull();
    expect(printed.trainAccuracy).toBeGreaterThan(0.8);
    expect(dump.metrics).toEqual(
      Object.fromEntries(Object.entries(printed).filter(([k]) => k in dump.metrics)),
    );
    expect(dump.activation).toBe('tanh');
    expect(dump.h).toBe(0.25);

    // Recompute from the file alone: x_{k+1} = x_k + h v_k(x_k), v_k(z) = act(z W1_k + b1_k) W2_k + b2_k.
    const flat = (a: unknown) => Float64Array.from((a as number[]).flat(3) as number[]);
    const w = dump.weights;
    const model: ModelConfig = {
      blocks: 4,
      width: 8,
      activation: 'tanh',
      stepSize: dump.h,
      head: 'learned',
      classes: 2,
    };
    expect([w.W1.length, w.W1[0].length, w.W1[0][0].length]).toEqual([4, 2, 8]);
    expect([w.W2.length, w.W2[0].length, w.W2[0][0].length]).toEqual([4, 8, 2]);
    expect([w.headW.length, w.headW[0].length]).toEqual([2, 2]);
    const weights = {
      W1: flat(w.W1),
      b1: flat(w.b1),
      W2: flat(w.W2),
      b2: flat(w.b2),
      headW: flat(w.headW),
      headb: flat(w.headb),
    };
    const x = flat(dump.train.x);
    const recomputed = oracleForward(model, weights, x, dump.train.y);
    const trajectories = flat(dump.trajectories);
    expect(trajectories.length).toBe(5 * 40 * 2);
    trajectories.forEach((v, i) => expect(v).toBeCloseTo(recomputed.positions[i], 4));
    expect(printed.trainLoss).toBeCloseTo(recomputed.crossEntropy, 4);
    expect(printed.C).toBeCloseTo(recomputed.kineticCost, 4);
    printed.E.forEach((e: number, k: number) => expect(e).toBeCloseTo(recomputed.energies[k], 4));
    const measures = measureTransport({
      positions: Float32Array.from(trajectories),
      blocks: 4,
      points: 40,
      stepSize: 0.25,
    });
    expect(printed.W2sq).toBeCloseTo(measures.optimalCost, 6);
    expect(printed.S).toBeCloseTo(measures.straightLineCost, 6);
    expect(printed.action).toBeCloseTo(measures.action, 6);
    expect(printed.W2sq).toBeLessThanOrEqual(printed.S + 1e-9);
    expect(printed.S).toBeLessThanOrEqual(4 * 0.25 * printed.action + 1e-9);
    // Per block: W2^2(mu_k, mu_{k+1}) from the file's trajectories, each at most h^2 E_k.
    expect(printed.blockW2sq).toHaveLength(4);
    printed.blockW2sq.forEach((w: number, k: number) => {
      expect(w).toBeCloseTo(measures.blockOptimalCosts[k], 6);
      expect(w).toBeLessThanOrEqual(0.25 ** 2 * measures.blockEnergies[k] * (1 + 1e-12));
    });
    expect(printed.blockOtRatio).toBeCloseTo(measures.blockOtRatio, 6);
  });

  it('stops at a divergence: says so, skips the transport measures and exits with code 3', async () => {
    // Without the warm-up and the clipping, whose steps are too small to diverge within two steps.
    const link =
      'v=2&data=spiral&n=50&K=32&width=64&act=relu&opt=sgd&lr=1&momentum=0.99&warmup=0&penalty=off&clip=0';
    const failure = await cli([link, '--steps', '2', '--json']).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 3 });
    const { stdout, stderr } = failure as { stdout: string; stderr: string };
    expect(stderr).toMatch(/^error: training diverged: .* is infinite or not a number/m);
    expect(stderr).not.toMatch(/\n\s+at /);
    const printed = JSON.parse(stdout);
    expect(printed.steps).toBe(2);
    expect(printed.diverged).toBe('after step 2, metric trainLoss is infinite or not a number');
    for (const key of ['measuredPoints', 'W2sq', 'S', 'otRatio', 'action', 'blockW2sq', 'blockOtRatio'])
      expect(printed[key]).toBeNull();
  }, 60_000);
});
