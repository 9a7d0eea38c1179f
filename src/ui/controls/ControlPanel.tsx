/**
 * The settings column: data, network, penalty, optimiser and classroom, every control driven by the
 * field table. Sections a teacher hid are left out; the classroom section disappears while locked.
 */
import { useScenarioFields } from '../services';
import { ClassroomSection } from './ClassroomSection';
import { ChoiceField, NumberInputField, SliderField } from './fields';
import { PenaltySection } from './PenaltySection';
import { SeedField } from './SeedField';

export function ControlPanel() {
  const scenario = useScenarioFields('hide', 'lock', 'data', 'opt', 'batch', 'n');
  const shown = (part: (typeof scenario.hide)[number]) => !scenario.hide.includes(part);
  return (
    <div className="control-panel">
      {scenario.lock === 'on' && <p className="locked-note">Settings are locked for this lesson.</p>}
      {shown('data') && (
        <section className="panel-section" aria-labelledby="data-heading">
          <h2 id="data-heading">Data</h2>
          <ChoiceField name="data" variant="select" />
          {scenario.data === 'blobs' && <SliderField name="classes" />}
          {scenario.data !== 'custom' && <SliderField name="n" />}
          <SliderField name="noise" />
          <SeedField />
        </section>
      )}
      {shown('network') && (
        <section className="panel-section" aria-labelledby="model-heading">
          <h2 id="model-heading">Network</h2>
          <SliderField name="K" />
          <SliderField name="width" />
          <ChoiceField name="act" />
          <ChoiceField name="h" />
          <ChoiceField name="head" />
        </section>
      )}
      {shown('penalty') && <PenaltySection />}
      {shown('optimizer') && (
        <section className="panel-section" aria-labelledby="optimiser-heading">
          <h2 id="optimiser-heading">Optimiser</h2>
          <ChoiceField name="opt" />
          <SliderField name="lr" />
          <NumberInputField
            name="warmup"
            hint="The rate grows from 0 to lr over these first steps (0: none)."
          />
          <NumberInputField
            name="decay"
            hint="After the warm-up the rate is lr × √(d / (d + t)) at t steps (0: no decay)."
          />
          {scenario.opt === 'sgd' && <SliderField name="momentum" />}
          {scenario.opt === 'adam' && (
            <details className="advanced">
              <summary>Adam's decay rates</summary>
              <SliderField name="beta1" />
              <SliderField name="beta2" />
              <SliderField name="eps" />
            </details>
          )}
          <SliderField
            name="batch"
            display={scenario.batch === 0 || scenario.batch >= scenario.n ? 'full' : String(scenario.batch)}
          />
          <ChoiceField name="pace" variant="select" />
          <NumberInputField name="steps" hint="0: never pause by itself." />
          <ChoiceField
            name="engine"
            hint="Fused computes each step in one kernel (CPU, WASM, WebGPU); reference composes it from tfjs ops and is used on WebGL. Both compute the same step."
          />
        </section>
      )}
      {scenario.lock !== 'on' && <ClassroomSection />}
    </div>
  );
}
