/**
 * The penalty weight a as one log slider. In fixed mode it is the scenario's weight; in least-action
 * mode it shows a = 1/lambda moving as lambda adapts, and dragging it sets lambda = 1/a, from which
 * the adaptation continues. Used by the penalty settings and by the presentation bar.
 */
import { useEffect, useState } from 'react';
import { FIELDS } from '../../scenario/schema';
import { selectLiveLambda, selectLiveWeight } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState, useScenarioFields, useServices } from '../services';
import { SliderField } from './fields';

/** How long a dragged weight is shown before the live value takes over again. */
const DRAG_HOLD_MS = 1000;

export function PenaltyWeightField({ hint = true }: { hint?: boolean }) {
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
  if (scenario.penalty === 'fixed') return <SliderField name="weight" />;
  if (scenario.penalty !== 'lap') return null;
  const weight =
    liveWeight !== null && Number.isFinite(liveWeight) && liveWeight > 0 ? liveWeight : 1 / scenario.lambda0;
  const shownWeight = dragged?.weight ?? weight;
  const shownLambda = dragged ? 1 / dragged.weight : (liveLambda ?? scenario.lambda0);
  return (
    <SliderField
      name="weight"
      value={Math.min(shownWeight, FIELDS.weight.max)}
      display={`${formatNumber(shownWeight)} (λ = ${formatNumber(shownLambda)})`}
      onChange={(a) => {
        if (!(a > 0)) return;
        setDragged({ weight: a, at: performance.now() });
        runs.a.control.setMultiplier(1 / a);
      }}
      hint={hint ? 'Drag to set λ = 1/a; adaptation continues from there.' : undefined}
    />
  );
}
