import { useId } from 'react';
import { FIELDS } from '../../scenario/schema';
import { selectField } from '../../state/selectors';
import { useAppState, useServices } from '../services';
import { useLocked } from './fields';

/** A fresh seed from the browser's cryptographic generator (choosing a seed is not part of a run). */
function freshSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return 1 + (value[0] % FIELDS.seed.max);
}

export function SeedField() {
  const id = useId();
  const seed = useAppState(selectField('seed'));
  const locked = useLocked('seed');
  const { store } = useServices();
  return (
    <div className="field" data-tour="seed">
      <label htmlFor={id} className="field-label">
        <span>seed</span>
      </label>
      <div className="seed-row">
        <input
          id={id}
          type="number"
          min={FIELDS.seed.min}
          max={FIELDS.seed.max}
          step={1}
          value={seed}
          disabled={locked}
          onChange={(e) => {
            const value = Math.round(Number(e.currentTarget.value));
            if (Number.isFinite(value) && value >= FIELDS.seed.min && value <= FIELDS.seed.max) {
              store.getState().editScenario({ seed: value });
            }
          }}
        />
        <button
          type="button"
          className="ghost"
          disabled={locked}
          onClick={() => store.getState().editScenario({ seed: freshSeed() })}
        >
          New seed
        </button>
      </div>
    </div>
  );
}
