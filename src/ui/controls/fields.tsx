/**
 * Controls generated from the scenario's field table: a slider for a number (log-scaled where the
 * table says so) and a segmented control or a drop-down for a choice. Each edits the scenario.
 */
import { useId } from 'react';
import type { ChoiceField as ChoiceFieldSpec, NumberField, Scenario } from '../../scenario/schema';
import { FIELDS } from '../../scenario/schema';
import { selectScenario } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState, useServices } from '../services';
import type { ChoiceKey } from './labels';
import { CHOICE_LABELS } from './labels';
import { sliderScale } from './sliderScale';

type NumberKey = { [K in keyof Scenario]: Scenario[K] extends number ? K : never }[keyof Scenario];

interface SliderProps {
  name: NumberKey;
  /** Text beside the label; defaults to the scenario value. */
  display?: string;
  /** Overrides the value shown by the slider (e.g. a live value). */
  value?: number;
  /** Called instead of editing the scenario. */
  onChange?: (value: number) => void;
  disabled?: boolean;
  hint?: string;
}

export function SliderField({ name, display, value, onChange, disabled, hint }: SliderProps) {
  const id = useId();
  const scenario = useAppState(selectScenario);
  const { store } = useServices();
  const scale = sliderScale(FIELDS[name] as NumberField);
  const field = FIELDS[name] as NumberField;
  const current = value ?? scenario[name];
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        <span>{field.label}</span>
        <output htmlFor={id}>{display ?? formatNumber(current, 3)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(current)}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const next = scale.fromPosition(Number(e.currentTarget.value));
          if (onChange) onChange(next);
          else store.getState().editScenario({ [name]: next });
        }}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export function ChoiceField<K extends ChoiceKey>({
  name,
  variant = 'segmented',
}: {
  name: K;
  variant?: 'segmented' | 'select';
}) {
  const id = useId();
  const scenario = useAppState(selectScenario);
  const { store } = useServices();
  const field = FIELDS[name] as ChoiceFieldSpec<string>;
  const labels = CHOICE_LABELS[name] as Record<string, string>;
  const values = field.values;
  const set = (value: string) => store.getState().editScenario({ [name]: value } as Partial<Scenario>);
  if (variant === 'select') {
    return (
      <div className="field">
        <label htmlFor={id} className="field-label">
          <span>{field.label}</span>
        </label>
        <select id={id} value={scenario[name]} onChange={(e) => set(e.currentTarget.value)}>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels[v]}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <fieldset className="field segmented">
      <legend className="field-label">{field.label}</legend>
      <div className="segments" role="radiogroup">
        {values.map((v) => (
          <label key={v} className={v === scenario[name] ? 'segment selected' : 'segment'}>
            <input type="radio" name={id} value={v} checked={v === scenario[name]} onChange={() => set(v)} />
            {labels[v]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
