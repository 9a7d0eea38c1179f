/**
 * The least-action measures of science.md section 4 in plain words, each with its formula in a
 * tooltip: how close the network's map is to an optimal transport map and to straight paths.
 */
import { selectField, selectTransport, selectTransportB } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState } from '../services';

const ITEMS = [
  {
    key: 'otRatio',
    label: 'OT ratio',
    formula: 'W₂² / S, where W₂² = min over pairings p of mean ‖x₀ⁱ − x_K^p(i)‖² and S = mean ‖x_Kⁱ − x₀ⁱ‖²',
    plain: '1 when the network pairs each input with its optimal output.',
  },
  {
    key: 'straightness',
    label: 'Straightness',
    formula: 'S / (K·h·A), where A = h Σₖ Eₖ is the action',
    plain: '1 when every point moves on a straight line at constant speed.',
  },
  {
    key: 'efficiency',
    label: 'Efficiency',
    formula: 'W₂² / (K·h·A)',
    plain: 'Both at once: near 1 for a least-action flow.',
  },
  {
    key: 'monotonicityViolations',
    label: 'Order reversals',
    formula: 'share of pairs (i, j) with ⟨x₀ⁱ − x₀ʲ, T(x₀ⁱ) − T(x₀ʲ)⟩ < 0',
    plain: 'Share of point pairs whose order the map reverses; 0 for an optimal map.',
  },
] as const;

export function LeastActionReadout() {
  const measures = useAppState(selectTransport);
  const measuresB = useAppState(selectTransportB);
  const cmp = useAppState(selectField('cmp'));
  return (
    <section className="least-action" aria-labelledby="least-action-heading">
      <h3 id="least-action-heading">Least action</h3>
      <dl className="ratios">
        {ITEMS.map((item) => (
          <div key={item.key} title={item.formula} data-testid={`ratio-${item.key}`} data-tour={item.key}>
            <dt>{item.label}</dt>
            <dd className="ratio-value">
              {formatNumber(measures?.[item.key])}
              {cmp === 'on' && <span className="stat-b"> | {formatNumber(measuresB?.[item.key])}</span>}
            </dd>
            <dd className="ratio-plain">{item.plain}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">
        {measures
          ? `Measured on ${measures.points} training points${measures.subsampled ? ' (a fixed random subset)' : ''}, about once a second.`
          : 'Measuring…'}
      </p>
    </section>
  );
}
