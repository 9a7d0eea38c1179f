/**
 * The metrics column: read-outs of the latest snapshot (with the generalisation gap), the
 * least-action measures, the per-block energies, and charts against the training step.
 */
import { useMemo } from 'react';
import type { ChartLine } from '../../charts/lineChart';
import { CLASS_COLORS } from '../../core/palette';
import { selectLive, selectScenario } from '../../state/selectors';
import { formatNumber, formatPercent } from '../format';
import { useAppState, useServices } from '../services';
import { ChartCard } from './ChartCard';
import { EnergyBars } from './EnergyBars';
import { LeastActionReadout } from './LeastActionReadout';

const [BLUE, ORANGE, GREEN, PINK] = CLASS_COLORS;
const VERMILION = '#D55E00';

function Stat({ label, value, title }: { label: string; value: string; title: string }) {
  return (
    <div className="stat" title={title}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

export function MetricsPanel() {
  const live = useAppState(selectLive);
  const scenario = useAppState(selectScenario);
  const { history } = useServices();
  const charts = useMemo(() => {
    const { perStep, perSnapshot, perTransport } = history;
    const spec = (title: string, logDefault: boolean, lines: ChartLine[]) => ({ title, logDefault, lines });
    return [
      spec('Loss', true, [
        { label: 'train', color: BLUE, series: perStep.crossEntropy },
        { label: 'test', color: ORANGE, series: perSnapshot.testLoss!, dashed: true },
      ]),
      spec('Accuracy', false, [
        { label: 'train', color: BLUE, series: perSnapshot.trainAccuracy! },
        { label: 'test', color: ORANGE, series: perSnapshot.testAccuracy!, dashed: true },
      ]),
      spec('Kinetic cost', true, [{ label: 'C', color: GREEN, series: perStep.kineticCost }]),
      spec('Penalty', true, [
        { label: 'weight a', color: VERMILION, series: perStep.weight },
        { label: 'λ', color: PINK, series: perStep.lambda, dashed: true },
      ]),
      spec('Transport', true, [
        { label: 'W₂²', color: VERMILION, series: perTransport.optimalCost },
        { label: 'S', color: BLUE, series: perTransport.straightLineCost, dashed: true },
        { label: 'action', color: GREEN, series: perTransport.action },
      ]),
    ];
  }, [history]);
  const gap = live ? live.trainAccuracy - live.testAccuracy : undefined;
  const hideCharts = scenario.hide.includes('charts');
  return (
    <div className="metrics-panel">
      <div hidden={scenario.hide.includes('metrics')}>
        <div className="stats" aria-label="Current metrics">
          <Stat
            label="train acc."
            value={formatPercent(live?.trainAccuracy)}
            title="Accuracy on all training points"
          />
          <Stat
            label="test acc."
            value={formatPercent(live?.testAccuracy)}
            title="Accuracy on the held-out test points"
          />
          <Stat
            label="train loss"
            value={formatNumber(live?.trainLoss)}
            title="Mean cross-entropy over all training points"
          />
          <Stat
            label="test loss"
            value={formatNumber(live?.testLoss)}
            title="Mean cross-entropy over the test points"
          />
          <Stat
            label="kinetic C"
            value={formatNumber(live?.kineticCost)}
            title="C = ½ Σₖ Eₖ, the transport cost added to the loss"
          />
          <Stat
            label={scenario.penalty === 'lap' ? 'a = 1/λ' : 'weight a'}
            value={formatNumber(live?.weight)}
            title="The penalty weight the next step uses"
          />
          <Stat
            label="generalisation gap"
            value={gap === undefined ? '–' : `${(100 * gap).toFixed(1)} pts`}
            title="Train accuracy minus test accuracy: what fewer training points cost"
          />
          <Stat
            label="λ"
            value={formatNumber(live?.lambda)}
            title="The least-action multiplier (grows by τ·CE every s steps in least-action mode)"
          />
        </div>
        <LeastActionReadout />
        <EnergyBars />
      </div>
      {charts.map((c) => (
        <ChartCard
          key={c.title}
          title={c.title}
          lines={c.lines}
          logDefault={c.logDefault}
          hidden={hideCharts}
        />
      ))}
    </div>
  );
}
