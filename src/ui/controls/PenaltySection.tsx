/**
 * The kinetic-energy penalty: its mode, and one log slider for the weight a. In fixed mode the slider
 * is the scenario's weight; in least-action mode it shows a = 1/lambda moving as lambda adapts, and
 * dragging it sets lambda = 1/a, from which the adaptation continues.
 */
import { useEffect, useState } from 'react';
import { FIELDS } from '../../scenario/schema';
import { selectLiveLambda, selectLiveWeight } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState, useScenarioFields, useServices } from '../services';
import { ChoiceField, SliderField } from './fields';

const EXPLANATIONS = {
  off: 'Plain training: loss = CE. The network may move points however it likes.',
  fixed:
    'loss = CE + a · C, where C is the kinetic energy of the flow. Larger a, shorter and straighter paths.',
  lap: 'Least action: lambda grows by tau · CE every s steps and a = 1/lambda, so the penalty adapts to how hard the task is.',
} as const;

/** How long a dragged weight is shown before the live value takes over again. */
const DRAG_HOLD_MS = 1000;

export function PenaltySection() {
  const scenario = useScenarioFields('penalty', 'lambda0');
  const liveWeight = useAppState(selectLiveWeight);
  const liveLambda = useAppState(selectLiveLambda);
  const { runs } = useServices();
  // While the user drags, the slider shows the dragged weight, not the (slightly older) live one.
  const [dragged, setDragged] = useState<{ weight: number; at: number } | null>(null);
  useEffect(() => {
    if (!dragged) return;
    const timer = setTimeout(() => setDragged(null), DRAG_HOLD_MS);
    return () => clearTimeout(timer);
  }, [dragged]);
  const mode = scenario.penalty;
  const weight =
    liveWeight !== null && Number.isFinite(liveWeight) && liveWeight > 0 ? liveWeight : 1 / scenario.lambda0;
  const shownWeight = dragged?.weight ?? weight;
  const shownLambda = dragged ? 1 / dragged.weight : (liveLambda ?? scenario.lambda0);
  return (
    <section className="panel-section" aria-labelledby="penalty-heading">
      <h2 id="penalty-heading">Transport penalty</h2>
      <ChoiceField name="penalty" />
      <p className="field-hint">{EXPLANATIONS[mode]}</p>
      {mode === 'fixed' && <SliderField name="weight" />}
      {mode === 'lap' && (
        <>
          <SliderField
            name="weight"
            value={Math.min(shownWeight, FIELDS.weight.max)}
            display={`${formatNumber(shownWeight)} (λ = ${formatNumber(shownLambda)})`}
            onChange={(a) => {
              if (!(a > 0)) return;
              setDragged({ weight: a, at: performance.now() });
              runs.a.control.setMultiplier(1 / a);
            }}
            hint="Drag to set λ = 1/a; adaptation continues from there."
          />
          <SliderField name="lambda0" />
          <SliderField name="tau" />
          <SliderField name="s" />
        </>
      )}
    </section>
  );
}
