/**
 * Compare mode: a switch for a second run on the same data and initial weights, and the settings in
 * which it differs (by default the penalty: off against least action). Both runs train together.
 */
import { useId } from 'react';
import type { Overrides } from '../../scenario/compare';
import { defaultOverrides, encodeOverrides, parseOverrides } from '../../scenario/compare';
import type { ChoiceField, ComparableKey, NumberField } from '../../scenario/schema';
import { COMPARABLE_KEYS, FIELDS } from '../../scenario/schema';
import { isLocked } from '../controls/fields';
import { useScenarioFields, useServices } from '../services';
import { valueLabel } from './compareLabels';

function ValueInput({
  name,
  value,
  onChange,
}: {
  name: ComparableKey;
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const field = FIELDS[name];
  if (field.type === 'choice') {
    const choice = field as ChoiceField<string>;
    return (
      <select
        aria-label={`B's ${field.label}`}
        value={String(value)}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {choice.values.map((v) => (
          <option key={v} value={v}>
            {valueLabel(name, v)}
          </option>
        ))}
      </select>
    );
  }
  const number = field as NumberField;
  return (
    <input
      type="number"
      aria-label={`B's ${field.label}`}
      min={number.min}
      max={number.max}
      step="any"
      value={String(value)}
      onChange={(e) => {
        const v = Number(e.currentTarget.value);
        if (e.currentTarget.value !== '' && Number.isFinite(v)) {
          onChange(Math.min(number.max, Math.max(number.min, number.type === 'int' ? Math.round(v) : v)));
        }
      }}
    />
  );
}

export function CompareBar() {
  const scenario = useScenarioFields('cmp', 'vs', 'lock');
  const { store } = useServices();
  const addId = useId();
  const overrides = parseOverrides(scenario.vs);
  const keys = Object.keys(overrides) as ComparableKey[];
  const locked = isLocked(scenario.lock, 'penalty');
  const setOverrides = (next: Overrides) => store.getState().editScenario({ vs: encodeOverrides(next) });
  const toggle = () =>
    store
      .getState()
      .editScenario(
        scenario.cmp === 'on'
          ? { cmp: 'off' }
          : { cmp: 'on', vs: scenario.vs === '' ? defaultOverrides(store.getState().scenario) : scenario.vs },
      );
  return (
    <div className="compare-bar" data-tour="compare">
      <button type="button" className="chip-toggle" aria-pressed={scenario.cmp === 'on'} onClick={toggle}>
        Compare two runs
      </button>
      {scenario.cmp === 'on' && (
        <fieldset className="compare-settings" disabled={locked}>
          <legend className="visually-hidden">What run B changes</legend>
          <span className="muted">B changes:</span>
          {keys.length === 0 && <span className="muted">nothing (same settings)</span>}
          {keys.map((key) => (
            <span key={key} className="override">
              {FIELDS[key].label}
              <ValueInput
                name={key}
                value={overrides[key]}
                onChange={(v) => setOverrides({ ...overrides, [key]: v })}
              />
              <button
                type="button"
                className="ghost"
                aria-label={`B keeps A's ${FIELDS[key].label}`}
                onClick={() =>
                  setOverrides(Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== key)))
                }
              >
                ×
              </button>
            </span>
          ))}
          <label htmlFor={addId} className="visually-hidden">
            Add a difference
          </label>
          <select
            id={addId}
            value=""
            onChange={(e) => {
              const key = e.currentTarget.value as ComparableKey;
              if (key) setOverrides({ ...overrides, [key]: store.getState().scenario[key] });
            }}
          >
            <option value="">+ add a difference</option>
            {COMPARABLE_KEYS.filter((k) => !keys.includes(k)).map((k) => (
              <option key={k} value={k}>
                {FIELDS[k].label}
              </option>
            ))}
          </select>
        </fieldset>
      )}
    </div>
  );
}
