/**
 * The presentation's part of the slim bar under the view (next to the training and depth bars): the
 * penalty weight, unless the lesson hides the penalty or there is none, and the way out.
 */
import { selectScenario } from '../../state/selectors';
import { PenaltyWeightField } from '../controls/PenaltyWeightField';
import { useAppState } from '../services';

export function PresentBar({ onLeave }: { onLeave(): void }) {
  const scenario = useAppState(selectScenario);
  const penalty = scenario.penalty !== 'off' && !scenario.hide.includes('penalty');
  return (
    <div className="present-bar">
      {penalty && (
        <div className="present-penalty">
          <PenaltyWeightField hint={false} />
        </div>
      )}
      <button type="button" className="leave-present" onClick={onLeave}>
        Leave presentation <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}
