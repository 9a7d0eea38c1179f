import { describe, expect, it } from 'vitest';
import { decodeRunFile, encodeRunFile } from './runFile';
import { defaultScenario } from './schema';

describe('run files', () => {
  it('round-trip the scenario and the weights exactly', () => {
    const scenario = { ...defaultScenario(), data: 'xor' as const, K: 3, lr: 0.003 };
    const weights = Float32Array.from([0.1, -2.5, 1e-7, 3.25]);
    const back = decodeRunFile(encodeRunFile(scenario, { weights, step: 42, lambda: 7.5 }));
    expect(back.notices).toEqual([]);
    expect(back.scenario).toEqual(scenario);
    expect(back.state).toEqual({ weights, step: 42, lambda: 7.5 });
  });

  it('accept a bare scenario, and never throw on bad files', () => {
    expect(decodeRunFile('{"data":"spiral"}').scenario.data).toBe('spiral');
    expect(decodeRunFile('not json').notices[0]).toMatch(/not JSON/);
    expect(decodeRunFile('null').state).toBeNull();
    const bad = decodeRunFile(
      JSON.stringify({ format: 'least-action-lab/run', scenario: {}, state: { weights: ['x'] } }),
    );
    expect(bad.state).toBeNull();
    expect(bad.notices.join(' ')).toMatch(/no valid weights/);
  });
});
