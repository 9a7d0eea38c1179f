/** The settings column: data, network, penalty and optimiser, every control driven by the field table. */
import { selectScenario } from '../../state/selectors';
import { useAppState } from '../services';
import { ChoiceField, SliderField } from './fields';
import { PenaltySection } from './PenaltySection';
import { SeedField } from './SeedField';

export function ControlPanel() {
  const scenario = useAppState(selectScenario);
  return (
    <div className="control-panel">
      <section className="panel-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        <ChoiceField name="data" variant="select" />
        {scenario.data === 'blobs' && <SliderField name="classes" />}
        <SliderField name="n" />
        <SliderField name="noise" />
        <SeedField />
      </section>
      <section className="panel-section" aria-labelledby="model-heading">
        <h2 id="model-heading">Network</h2>
        <SliderField name="K" />
        <SliderField name="width" />
        <ChoiceField name="act" />
        <ChoiceField name="h" />
        <ChoiceField name="head" />
      </section>
      <PenaltySection />
      <section className="panel-section" aria-labelledby="optimiser-heading">
        <h2 id="optimiser-heading">Optimiser</h2>
        <ChoiceField name="opt" />
        <SliderField name="lr" />
        {scenario.opt === 'sgd' && <SliderField name="momentum" />}
        <SliderField
          name="batch"
          display={scenario.batch === 0 || scenario.batch >= scenario.n ? 'full' : String(scenario.batch)}
        />
      </section>
    </div>
  );
}
