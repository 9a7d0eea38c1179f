/** W2^2, S and their ratio beside the pairing layers: how far the network's pairing is from optimal. */
import { selectLayers, selectTransport } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState } from '../services';

export function TransportReadout() {
  const layers = useAppState(selectLayers);
  const measures = useAppState(selectTransport);
  if (!layers.includes('ot') && !layers.includes('pairs')) return null;
  if (!layers.includes('ot'))
    return <p className="transport-readout">Network pairing: each input joined to its own output.</p>;
  if (!measures) return <p className="transport-readout">Measuring the optimal pairing…</p>;
  return (
    <p className="transport-readout" data-testid="ot-readout">
      W₂² = <strong>{formatNumber(measures.optimalCost)}</strong> · S ={' '}
      <strong>{formatNumber(measures.straightLineCost)}</strong> · W₂²/S ={' '}
      <strong>{formatNumber(measures.otRatio)}</strong>{' '}
      <span className="muted">
        (exact assignment on {measures.points} training points
        {measures.subsampled ? ', a fixed random subset' : ''})
      </span>
    </p>
  );
}
