/** Per-block kinetic energy E_k as bars, refreshed with the read-out. */
import { selectLive, selectLiveB } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState } from '../services';

const HEIGHT = 64;

export function EnergyBars() {
  const live = useAppState(selectLive);
  const liveB = useAppState(selectLiveB);
  return (
    <section className="chart-block" aria-labelledby="energy-bars-heading" data-tour="energies">
      <h3 id="energy-bars-heading">Energy per block E_k</h3>
      <Bars energies={live?.energies ?? []} label={liveB ? 'A' : ''} />
      {liveB && <Bars energies={liveB.energies} label="B" />}
    </section>
  );
}

function Bars({ energies, label }: { energies: number[]; label: string }) {
  const max = Math.max(...energies.filter(Number.isFinite), 1e-12);
  return (
    <>
      <svg
        className="energy-bars"
        viewBox={`0 0 ${Math.max(energies.length, 1) * 10} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label ? `Run ${label}: kinetic` : 'Kinetic'} energy of each block: ${energies.map((e, k) => `block ${k + 1}: ${formatNumber(e)}`).join(', ')}`}
      >
        {energies.map((e, k) => {
          const h = Number.isFinite(e) ? Math.max(0.5, (HEIGHT * e) / max) : 0;
          return (
            <rect key={k} x={k * 10 + 1} y={HEIGHT - h} width={8} height={h}>
              <title>{`block ${k + 1}: E = ${formatNumber(e)}`}</title>
            </rect>
          );
        })}
      </svg>
      <BlockAxisNote label={label} max={max} blocks={energies.length} />
    </>
  );
}

/** The axis under per-block bars: the first block (with the run's label), the top value, the last. */
export function BlockAxisNote({ label, max, blocks }: { label: string; max: number; blocks: number }) {
  return (
    <p className="chart-axis-note">
      <span>{label ? `${label}: block 1` : 'block 1'}</span>
      <span>max {formatNumber(max)}</span>
      <span>block {blocks}</span>
    </p>
  );
}
