/**
 * Moving a run to another backend continues it exactly, and the probe's measurement reports each
 * backend: the session in-process on Node's CPU and WASM backends, which run the same fused
 * WebAssembly step and so must agree to the bit.
 */
import { describe, expect, it } from 'vitest';
import { nodeBackendCandidates } from '../engine/nodeBackends';
import { SessionDriver } from './testing/sessionDriver';

const SCENARIO = { penalty: 'lap' as const, opt: 'adam' as const };

async function trained(steps: number, moveAt: number | null): Promise<Float32Array> {
  const driver = new SessionDriver(nodeBackendCandidates());
  await driver.send({ type: 'start', backend: 'cpu', scenario: SessionDriver.scenario(SCENARIO) });
  for (let i = 0; i < steps; i++) {
    if (i === moveAt) await driver.send({ type: 'move', backend: 'wasm', reason: 'test' });
    await driver.send({ type: 'step' });
  }
  await driver.send({ type: 'export', id: 1 });
  if (moveAt !== null) {
    expect(driver.eventsOf('backend').map((e) => e.report.name)).toEqual(['cpu', 'wasm']);
    expect(driver.eventsOf('notice').at(-1)!.message).toMatch(/moved to WASM.*from step 30/);
    expect(driver.eventsOf('run').at(-1)!.info.resumedAt).toBe(30);
  }
  const state = driver.eventsOf('trained')[0].state;
  expect(state.step).toBe(steps);
  await driver.send({ type: 'move', backend: 'cpu', reason: 'back for the next test' });
  return state.weights;
}

describe('moving a run between backends', () => {
  it('continues bit for bit: weights, optimiser state, lambda and step', async () => {
    const moved = await trained(60, 30);
    const stayed = await trained(60, null);
    expect(Array.from(moved)).toEqual(Array.from(stayed));
  });

  it('measures the fused step on each backend asked for, and says why one cannot be timed', async () => {
    const driver = new SessionDriver(nodeBackendCandidates());
    await driver.send({
      type: 'measure',
      id: 3,
      scenario: SessionDriver.scenario(),
      backends: ['wasm', 'cpu', 'webgpu'],
      budgetMs: 50,
      allowSoftware: false,
      timeScale: { cpu: 0.5 },
    });
    const [answer] = driver.eventsOf('measured');
    expect(answer.id).toBe(3);
    const [wasm, cpu, webgpu] = answer.results;
    expect(wasm.backend).toBe('wasm');
    expect(wasm.stepsPerSecond).toBeGreaterThan(0);
    expect(cpu.stepsPerSecond).toBeGreaterThan(0);
    expect(webgpu).toEqual({
      backend: 'webgpu',
      stepsPerSecond: null,
      reason: 'not available in this build',
    });
  });
});
