import { describe, expect, it } from 'vitest';
import { createRandomStream } from '../core/random';
import { weightCount } from '../core/weights';
import { decodeScenarioLink, encodeScenarioLink } from './link';
import { runConfig } from './runConfig';
import { defaultScenario } from './schema';
import { decodeTrainedState, encodeTrainedState, LINK_SIZE_WARNING } from './trainedState';

function randomWeights(count: number, seed: number): Float32Array {
  const rng = createRandomStream(seed, 'weights');
  return Float32Array.from({ length: count }, () => rng.normal() * 0.7);
}

describe('trained state in links', () => {
  it('round-trips weights to float16 precision, with step and lambda', async () => {
    const scenario = { ...defaultScenario(), K: 5, width: 12 };
    const model = runConfig(scenario).model;
    const weights = randomWeights(weightCount(model), 1);
    const link = `${encodeScenarioLink(scenario)}&${await encodeTrainedState({ weights, step: 1234, lambda: 17.25 })}`;
    const decoded = decodeScenarioLink(`https://example.org/#${link}`);
    expect(decoded.notices).toEqual([]);
    expect(decoded.scenario).toEqual(scenario);
    const { state, notices } = await decodeTrainedState(decoded.trained!, model);
    expect(notices).toEqual([]);
    expect(state!.step).toBe(1234);
    expect(state!.lambda).toBe(17.25);
    state!.weights.forEach((w, i) =>
      expect(Math.abs(w - weights[i])).toBeLessThanOrEqual(Math.abs(weights[i]) / 1024 + 1e-7),
    );
  });

  it('keeps links under 8 KB for K <= 16 and width <= 32', async () => {
    const scenario = { ...defaultScenario(), K: 16, width: 32, data: 'spiral3' as const, n: 1000 };
    const model = runConfig(scenario).model;
    const params = await encodeTrainedState({
      weights: randomWeights(weightCount(model), 2),
      step: 99999,
      lambda: 123.456,
    });
    const link = `https://least-action-lab.example.org/#${encodeScenarioLink(scenario)}&${params}`;
    expect(link.length).toBeLessThan(LINK_SIZE_WARNING);
  });

  it('drops weights that do not fit the network or are corrupt, with a notice', async () => {
    const model = runConfig({ ...defaultScenario(), K: 3 }).model;
    const wrong = await encodeTrainedState({ weights: randomWeights(10, 3), step: 1, lambda: 1 });
    const wrongParams = Object.fromEntries(new URLSearchParams(wrong));
    expect((await decodeTrainedState(wrongParams, model)).notices[0]).toMatch(
      /hold 10 values where this network has/,
    );
    expect((await decodeTrainedState({ w: 'AAAA' }, model)).notices[0]).toMatch(/decompressed|hold/);
    expect((await decodeTrainedState({ w: 'not base64!' }, model)).notices[0]).toMatch(/base64url/);
    expect((await decodeTrainedState({}, model)).state).toBeNull();
  });
});
