/**
 * The kinetic-energy penalty: its mode, the weight a (see PenaltyWeightField) and, in least-action
 * mode, the multiplier's schedule.
 */
import { useScenarioFields } from '../services';
import { ChoiceField, SliderField } from './fields';
import { PenaltyWeightField } from './PenaltyWeightField';

const EXPLANATIONS = {
  off: 'Plain training: loss = CE. The network may move points however it likes.',
  fixed:
    'loss = CE + a · C, where C is the kinetic energy of the flow. Larger a, shorter and straighter paths.',
  lap: 'Least action: lambda grows by tau · CE every s steps and a = 1/lambda, so the penalty adapts to how hard the task is.',
} as const;

export function PenaltySection() {
  const { penalty: mode } = useScenarioFields('penalty');
  return (
    <section className="panel-section" aria-labelledby="penalty-heading">
      <h2 id="penalty-heading">Transport penalty</h2>
      <ChoiceField name="penalty" />
      <p className="field-hint">{EXPLANATIONS[mode]}</p>
      <PenaltyWeightField />
      {mode === 'lap' && (
        <>
          <SliderField name="lambda0" />
          <SliderField name="tau" />
          <SliderField name="s" />
        </>
      )}
    </section>
  );
}
