import { describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink } from './link';
import { BUILT_IN_LESSONS } from './lessons';
import { PRESETS } from './presets';
import { STUDIES } from './studies';

describe('presets', () => {
  it('have unique ids, two-sentence captions, and canonical links that decode without notices', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) {
      const { scenario, notices } = decodeScenarioLink(preset.link);
      expect(notices, preset.id).toEqual([]);
      expect(encodeScenarioLink(scenario), preset.id).toBe(preset.link);
      expect(preset.caption.split(/(?<=[.!?])\s+(?=[A-Z])/), preset.id).toHaveLength(2);
      expect(scenario.steps, preset.id).toBeGreaterThan(0);
    }
  });
});

// Their stories and numbers were measured with the first version's optimiser; a change of the
// defaults must not change them (a version-1 link already reads this way; see restore.ts).
describe('presets, lessons and studies', () => {
  it('train with the optimiser they were measured with: Adam, lr 0.01, no warm-up, decay or clipping, epsilon 1e-7', () => {
    const scenarios = [
      ...PRESETS.map((p) => [p.id, decodeScenarioLink(p.link).scenario] as const),
      ...BUILT_IN_LESSONS.flatMap((l) =>
        l.steps.flatMap((step, i) =>
          step.open ? [[`${l.id} step ${i + 1}`, decodeScenarioLink(step.open).scenario] as const] : [],
        ),
      ),
      ...STUDIES.map((s) => [s.name, s.base] as const),
    ];
    expect(scenarios.length).toBeGreaterThan(20);
    for (const [name, scenario] of scenarios) {
      expect(scenario, `${name}: ${encodeScenarioLink(scenario)}`).toMatchObject({
        opt: 'adam',
        lr: 0.01,
        warmup: 0,
        decay: 0,
        eps: 1e-7,
        clip: 0,
      });
    }
  });
});
