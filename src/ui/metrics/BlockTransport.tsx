/**
 * Per block, the block's own cost h²E_k (what it pays moving each point to its own next position)
 * beside W₂²(μ_k, μ_{k+1}), the cheapest way to move the cloud at depth k onto the cloud at depth k+1:
 * a pale bar for h²E_k with a solid bar for W₂² inside it (never taller: the block's own pairing is
 * one of the pairings), the block OT ratio, and every value in a table. From the transport measures
 * shown (live, or of the past step in view), on the measured points.
 */
import { blockDisplacementCosts } from '../../core/blockTransport';
import type { TransportMeasures } from '../../core/measures';
import { selectCompared, selectTransport, selectTransportB, shownBlocks } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState } from '../services';
import { BlockAxisNote } from './EnergyBars';

const HEIGHT = 64;
const SLOT = 10;

export function BlockTransport() {
  const measures = useAppState(selectTransport);
  const measuresB = useAppState(selectTransportB);
  const compared = useAppState(selectCompared);
  const blocks = useAppState(shownBlocks);
  return (
    <section
      className="chart-block block-transport"
      aria-labelledby="block-transport-heading"
      data-tour="block-transport"
    >
      <h3 id="block-transport-heading">Per block: own cost h²Eₖ and optimal W₂²(μₖ, μₖ₊₁)</h3>
      <ul className="block-key" aria-label="Key">
        <li>
          <span className="block-swatch own" /> h²Eₖ: each point to its own next position
        </li>
        <li>
          <span className="block-swatch optimal" /> W₂²: the cheapest pairing of depth k with k+1
        </li>
      </ul>
      <Blocks measures={measures} blocks={blocks} label={compared ? 'A' : ''} />
      {compared && <Blocks measures={measuresB} blocks={blocks} label="B" />}
    </section>
  );
}

/**
 * One run's bars, ratio and table. While its measures are on their way (null) it shows the same parts
 * without values, so that nothing below it moves when they come (a chart under the pointer stays).
 */
function Blocks(props: { measures: TransportMeasures | null; blocks: number; label: string }) {
  const { measures, label } = props;
  const own = measures
    ? Array.from(blockDisplacementCosts(measures.blockEnergies, measures.stepSize))
    : Array<number>(props.blocks).fill(NaN);
  const optimal = measures ? Array.from(measures.blockOptimalCosts) : own;
  const max = measures ? Math.max(...own.filter(Number.isFinite), 1e-12) : NaN;
  const height = (v: number) => (Number.isFinite(v) ? Math.max(0.5, (HEIGHT * v) / max) : 0);
  const run = label ? `Run ${label}: ` : '';
  return (
    <div
      className="block-transport-run"
      data-testid={`block-transport${label ? `-${label}` : ''}`}
      aria-busy={measures === null}
    >
      <svg
        className="block-bars"
        viewBox={`0 0 ${Math.max(own.length, 1) * SLOT} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${run}per block, own cost h²E and optimal W₂²: ${own
          .map((e, k) => `block ${k + 1}: ${formatNumber(e)} and ${formatNumber(optimal[k])}`)
          .join('; ')}`}
      >
        {own.map((e, k) => (
          <g key={k}>
            <title>{`block ${k + 1}: h²E = ${formatNumber(e)}, W₂² = ${formatNumber(optimal[k])}`}</title>
            <rect
              className="own"
              x={k * SLOT + 0.5}
              y={HEIGHT - height(e)}
              width={SLOT - 1}
              height={height(e)}
            />
            <rect
              className="optimal"
              x={k * SLOT + 2.5}
              y={HEIGHT - height(optimal[k])}
              width={SLOT - 5}
              height={height(optimal[k])}
            />
          </g>
        ))}
      </svg>
      <BlockAxisNote label={label} max={max} blocks={own.length} />
      <p className="block-ratio" data-testid="block-ot-ratio">
        {run}ΣW₂² / Σh²E = <strong>{formatNumber(measures?.blockOtRatio)}</strong>
        <span className="field-hint">
          {measures ? ' (1: every block pairs its points optimally)' : ' (measuring…)'}
        </span>
      </p>
      <details className="block-values">
        <summary>{label ? `Values per block, run ${label}` : 'Values per block'}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">block</th>
              <th scope="col">h²Eₖ</th>
              <th scope="col">W₂²(μₖ, μₖ₊₁)</th>
              <th scope="col">ratio</th>
            </tr>
          </thead>
          <tbody>
            {own.map((e, k) => (
              <tr key={k}>
                <th scope="row">{k + 1}</th>
                <td>{formatNumber(e)}</td>
                <td>{formatNumber(optimal[k])}</td>
                <td>{e > 0 ? formatNumber(optimal[k] / e) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
