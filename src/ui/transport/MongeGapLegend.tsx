/**
 * The legend of the Monge-gap trail colouring: what the diverging colours mean, and the share of
 * S - W2^2 at which they saturate, for the measures shown (live or of the past step in view).
 */
import { mongeGapScale } from '../../core/blockTransport';
import { selectTransport } from '../../state/selectors';
import { useAppState } from '../services';

const MEANING =
  "A trail's colour is its particle's share g of S − W₂²: red, the network sends it further than the " +
  'optimal pairing does (its excess); purple, the optimal pairing sends it further, to save more on ' +
  'other points; grey, it is paired optimally. Colours saturate at the largest 10% of shares.';

/** A share in percent, with enough digits to tell small shares apart. */
const percent = (share: number) => `${Number((100 * share).toPrecision(2))}%`;

export function MongeGapLegend() {
  const measures = useAppState(selectTransport);
  if (!measures) return <li data-testid="monge-legend">Monge gap: measuring…</li>;
  const total = measures.straightLineCost - measures.optimalCost;
  const scale = mongeGapScale(measures.mongeGaps);
  return (
    <>
      <li className="monge-legend" data-testid="monge-legend" title={MEANING}>
        <span>trail: particle’s excess over the optimal pairing</span>
        {total > 0 && scale > 0 ? (
          <span className="legend-group">
            −{percent(scale / total)}
            <span
              className="gradient"
              role="img"
              aria-label="purple below 0, grey at 0, red above 0"
              style={{
                background:
                  'linear-gradient(to right, var(--gap-negative), var(--gap-zero), var(--gap-positive))',
              }}
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
      {measures.subsampled && (
        <li>
          <span className="line neutral" /> not among the {measures.points} measured points
        </li>
      )}
    </>
  );
}
