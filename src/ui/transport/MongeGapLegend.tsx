/**
 * The legend of the Monge-gap trail colouring: what the diverging colours mean, and the share of
 * S - W2^2 at which they saturate, for the measures shown (live or of the past step in view).
 */
import { mongeGapScale } from '../../core/blockTransport';
import { MAX_ASSIGNMENT_POINTS } from '../../core/measures';
import { selectField, selectTransport } from '../../state/selectors';
import { useAppState } from '../services';

const MEANING =
  "A trail's colour is its particle's share g of S − W₂²: red, the network sends it further than the " +
  'optimal pairing does (its excess); purple, the optimal pairing sends it further, to save more on ' +
  'other points; grey, it is paired optimally. Colours saturate at the largest 10% of shares.';

const GRADIENT = 'linear-gradient(to right, var(--gap-negative), var(--gap-zero), var(--gap-positive))';

const GRADIENT_LABEL = 'purple below 0, grey at 0, red above 0';

/** A share in percent, with enough digits to tell small shares apart. */
const percent = (share: number) => `${Number((100 * share).toPrecision(2))}%`;

export function MongeGapLegend() {
  const measures = useAppState(selectTransport);
  const points = useAppState(selectField('n'));
  // While measures are on their way, the same items without values: nothing below moves when they come.
  const total = measures ? measures.straightLineCost - measures.optimalCost : NaN;
  const scale = measures ? mongeGapScale(measures.mongeGaps) : NaN;
  const subsampled = measures ? measures.subsampled : points > MAX_ASSIGNMENT_POINTS;
  return (
    <>
      <li className="monge-legend" data-testid="monge-legend" title={MEANING}>
        <span>trail: particle’s excess over the optimal pairing</span>
        {!measures ? (
          <span className="legend-group">
            …
            <span
              className="gradient"
              role="img"
              aria-label={GRADIENT_LABEL}
              style={{ background: GRADIENT }}
            />
            … measuring
          </span>
        ) : total > 0 && scale > 0 ? (
          <span className="legend-group">
            −{percent(scale / total)}
            <span
              className="gradient"
              role="img"
              aria-label={GRADIENT_LABEL}
              style={{ background: GRADIENT }}
            />
            +{percent(scale / total)} of S − W₂²
          </span>
        ) : (
          <span>: none, every point is paired optimally (S = W₂²)</span>
        )}
      </li>
      <li>
        <span className="swatch gap-zero" /> 0: paired optimally
      </li>
      {subsampled && (
        <li>
          <span className="line neutral" /> not among the {MAX_ASSIGNMENT_POINTS} measured points
        </li>
      )}
    </>
  );
}
