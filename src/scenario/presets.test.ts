import { describe, expect, it } from 'vitest';
import { decodeScenarioLink, encodeScenarioLink } from './link';
import { PRESETS } from './presets';

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
