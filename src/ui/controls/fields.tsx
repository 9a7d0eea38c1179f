/**
 * Controls generated from the scenario's field table: a slider for a number (log-scaled where the
 * table says so), a segmented control or a drop-down for a choice, check boxes for a set of flags and
 * a text box for free text. Each edits the scenario; all but view settings are disabled while the
 * scenario is locked (classroom).
 */
import { memo, useId } from 'react';
import type {
  ChoiceField as ChoiceFieldSpec,
  FlagsField as FlagsFieldSpec,
  NumberField,
  OnOff,
  Scenario,
} from '../../scenario/schema';
import { FIELDS } from '../../scenario/schema';
import { selectField } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState, useServices } from '../services';
import type { ChoiceKey } from './labels';
import { CHOICE_LABELS } from './labels';
import { sliderScale } from './sliderScale';

type NumberKey = { [K in keyof Scenario]: Scenario[K] extends number ? K : never }[keyof Scenario];
type FlagsKey = { [K in keyof Scenario]: Scenario[K] extends readonly string[] ? K : never }[keyof Scenario];

/** True when the field may not be edited now: the scenario is locked and the field is not a view setting. */
export function isLocked(lock: OnOff, name: keyof Scenario): boolean {
  return lock === 'on' && FIELDS[name].scope !== 'view';
}

/** Whether the field may not be edited now (see isLocked), following the scenario's lock. */
export function useLocked(name: keyof Scenario): boolean {
  return isLocked(useAppState(selectField('lock')), name);
}

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

function SliderControl({ name, display, value, onChange, disabled, hint }: SliderProps) {
  const id = useId();
  const stored = useAppState(selectField(name));
  const locked = useLocked(name);
  const { store } = useServices();
  const scale = sliderScale(FIELDS[name] as NumberField);
  const field = FIELDS[name] as NumberField;
  const current = value ?? stored;
  return (
    <div className="field" data-tour={name}>
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
        disabled={disabled || locked}
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

function ChoiceControl<K extends ChoiceKey>({
  name,
  variant = 'segmented',
  hint,
}: {
  name: K;
  variant?: 'segmented' | 'select';
  /** A sentence under the choices, read with them by screen readers. */
  hint?: string;
}) {
  const id = useId();
  const current = useAppState(selectField(name));
  const locked = useLocked(name);
  const { store } = useServices();
  const field = FIELDS[name] as ChoiceFieldSpec<string>;
  const labels = CHOICE_LABELS[name] as Record<string, string>;
  const values = field.values;
  const set = (value: string) => store.getState().editScenario({ [name]: value } as Partial<Scenario>);
  if (variant === 'select') {
    return (
      <div className="field" data-tour={name}>
        <label htmlFor={id} className="field-label">
          <span>{field.label}</span>
        </label>
        <select id={id} value={current} disabled={locked} onChange={(e) => set(e.currentTarget.value)}>
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
    <fieldset
      className="field segmented"
      data-tour={name}
      disabled={locked}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend className="field-label">{field.label}</legend>
      <div className="segments" role="radiogroup">
        {values.map((v) => (
          <label key={v} className={v === current ? 'segment selected' : 'segment'}>
            <input type="radio" name={id} value={v} checked={v === current} onChange={() => set(v)} />
            {labels[v]}
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}

/** One check box per flag of a flags field. */
function FlagsControl({ name, labels }: { name: FlagsKey; labels: Record<string, string> }) {
  const current = useAppState(selectField(name)) as readonly string[];
  const locked = useLocked(name);
  const { store } = useServices();
  const field = FIELDS[name] as FlagsFieldSpec<string>;
  const toggle = (flag: string) => {
    const next = current.includes(flag) ? current.filter((f) => f !== flag) : [...current, flag];
    store
      .getState()
      .editScenario({ [name]: field.values.filter((v) => next.includes(v)) } as Partial<Scenario>);
  };
  return (
    <fieldset className="field flags" data-tour={name} disabled={locked}>
      <legend className="field-label">{field.label}</legend>
      <div className="flag-list">
        {field.values.map((flag) => (
          <label key={flag} className="flag">
            <input type="checkbox" checked={current.includes(flag)} onChange={() => toggle(flag)} />
            {labels[flag] ?? flag}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A text box for a free-text field (plain text; never interpreted as markup). */
function TextControl({ name, placeholder }: { name: 'caption'; placeholder?: string }) {
  const id = useId();
  const value = useAppState(selectField(name));
  const locked = useLocked(name);
  const { store } = useServices();
  const field = FIELDS[name];
  return (
    <div className="field" data-tour={name}>
      <label htmlFor={id} className="field-label">
        <span>{field.label}</span>
      </label>
      <input
        id={id}
        type="text"
        maxLength={field.maxLength}
        value={value}
        placeholder={placeholder}
        disabled={locked}
        onChange={(e) => store.getState().editScenario({ [name]: e.currentTarget.value })}
      />
    </div>
  );
}

/** A number box for an integer field whose range is too wide for a slider (e.g. the step limit). */
function NumberInputControl({ name, hint }: { name: NumberKey; hint?: string }) {
  const id = useId();
  const value = useAppState(selectField(name));
  const locked = useLocked(name);
  const { store } = useServices();
  const field = FIELDS[name] as NumberField;
  return (
    <div className="field" data-tour={name}>
      <label htmlFor={id} className="field-label">
        <span>{field.label}</span>
      </label>
      <input
        id={id}
        type="number"
        min={field.min}
        max={field.max}
        step={field.type === 'int' ? 1 : 'any'}
        value={value}
        disabled={locked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          if (e.currentTarget.value === '' || !Number.isFinite(value)) return;
          const rounded = field.type === 'int' ? Math.round(value) : value;
          store.getState().editScenario({ [name]: Math.min(field.max, Math.max(field.min, rounded)) });
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

// Each control re-renders only when its own props or its field change, not with its section
// (which re-renders, for instance, when a live read-out it shows moves).
export const SliderField = memo(SliderControl);
export const ChoiceField = memo(ChoiceControl) as typeof ChoiceControl;
export const FlagsField = memo(FlagsControl);
export const TextField = memo(TextControl);
export const NumberInputField = memo(NumberInputControl);
