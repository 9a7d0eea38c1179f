/**
 * Where a number sits on a slider. Log fields move 20 positions per decade from a whole power of ten,
 * so that 0.01, 0.1, 1, 10 are exact positions; the top position is always the field's maximum.
 */
import type { NumberField } from '../../scenario/schema';

/** Positions per decade of a log slider. */
export const LOG_STEPS_PER_DECADE = 20;

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
}

export function sliderScale(field: NumberField): SliderScale {
  const clamp = (v: number) => Math.min(field.max, Math.max(field.min, v));
  if (field.log) {
    const round = (v: number) => (field.type === 'int' ? Math.round(v) : Number(v.toPrecision(3)));
    const step = 1 / LOG_STEPS_PER_DECADE;
    // A log scale cannot reach 0: fields that allow 0 start six decades below their maximum.
    const floor = field.min > 0 ? field.min : field.max / 1e6;
    const min = Math.floor(Math.log10(floor) + 1e-9);
    const max = min + Math.ceil((Math.log10(field.max) - min) / step - 1e-9) * step;
    return {
      min,
      max,
      step,
      toPosition: (value) => Math.min(max, Math.log10(Math.max(value, floor))),
      fromPosition: (position) => (position >= max - step / 2 ? field.max : clamp(round(10 ** position))),
    };
  }
  const step = field.type === 'int' ? 1 : (field.step ?? (field.max - field.min) / 100);
  // Linear positions snap to whole steps, written with as many decimals as the step has.
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  const snap = (position: number) =>
    Number((field.min + Math.round((position - field.min) / step) * step).toFixed(decimals));
  return {
    min: field.min,
    max: field.min + Math.ceil((field.max - field.min) / step - 1e-9) * step,
    step,
    toPosition: (value) => value,
    fromPosition: (position) => clamp(snap(position)),
  };
}
