import { describe, expect, it } from 'vitest';
import type { NumberField } from '../../scenario/schema';
import { FIELDS } from '../../scenario/schema';
import { sliderScale } from './sliderScale';

describe('sliderScale', () => {
  it('puts powers of ten on exact log positions and the maximum at the top', () => {
    const s = sliderScale(FIELDS.weight);
    expect(s.min).toBe(-4);
    expect(s.fromPosition(1)).toBe(10);
    expect(s.fromPosition(-1)).toBe(0.1);
    expect(s.fromPosition(s.max)).toBe(100);
    const n = sliderScale(FIELDS.n);
    expect(n.fromPosition(n.max)).toBe(2000);
    expect(n.fromPosition(n.min)).toBe(10);
    expect(n.fromPosition(2)).toBe(100);
    expect(Number.isInteger(n.fromPosition(2.35))).toBe(true);
  });

  it('round-trips every value of every numeric field to within a slider step', () => {
    for (const field of Object.values(FIELDS)) {
      if (field.type !== 'int' && field.type !== 'float') continue;
      const s = sliderScale(field as NumberField);
      const stride = s.step * Math.max(1, Math.ceil((s.max - s.min) / s.step / 500));
      for (let p = s.min; p <= s.max + 1e-9; p += stride) {
        const value = s.fromPosition(p);
        expect(value).toBeGreaterThanOrEqual(field.min);
        expect(value).toBeLessThanOrEqual(field.max);
        expect(Math.abs(s.toPosition(value) - Math.min(p, s.max))).toBeLessThanOrEqual(s.step * (1 + 1e-6));
      }
    }
  });

  it('uses the field step for linear floats', () => {
    const s = sliderScale(FIELDS.noise);
    expect(s.step).toBe(0.01);
    expect(s.fromPosition(0.25)).toBe(0.25);
  });
});
