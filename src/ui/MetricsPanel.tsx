/** Read-outs of the latest snapshot and the loss and kinetic-energy charts. */
import { useEffect, useRef } from 'react';
import { CLASS_COLORS } from '../core/palette';
import type { LineChart } from '../charts/lineChart';
import { createLineChart } from '../charts/lineChart';
import { selectLive, selectScenario } from '../state/selectors';
import { formatNumber, formatPercent } from './format';
import { useAppState, useServices } from './services';

/** Charts redraw at most this often. */
const CHART_INTERVAL_MS = 200;

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
  const { history, loop } = useServices();
  const lossRef = useRef<HTMLDivElement>(null);
  const energyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const [train, test] = [CLASS_COLORS[0], CLASS_COLORS[1]];
    const charts: LineChart[] = [
      createLineChart(lossRef.current!, {
        title: 'Cross-entropy against training step: training batch and test set',
        logY: true,
        lines: [
          { label: 'train', color: train, series: history.perStep.crossEntropy },
          { label: 'test', color: test, series: history.perSnapshot.testLoss!, dashed: true },
        ],
      }),
      createLineChart(energyRef.current!, {
        title: 'Kinetic cost C against training step',
        logY: true,
        lines: [{ label: 'C', color: CLASS_COLORS[2], series: history.perStep.kineticCost }],
      }),
    ];
    let drawnVersion = -1;
    let drawnAt = 0;
    let width = 0;
    const remove = loop.add((now) => {
      const currentWidth = lossRef.current?.clientWidth ?? 0;
      if (history.version === drawnVersion && currentWidth === width) return;
      if (now - drawnAt < CHART_INTERVAL_MS && currentWidth === width) return;
      drawnVersion = history.version;
      drawnAt = now;
      width = currentWidth;
      charts.forEach((c) => c.update());
    });
    return () => {
      remove();
      charts.forEach((c) => c.destroy());
    };
  }, [history, loop]);

  return (
    <div className="metrics-panel">
      <div className="stats" aria-label="Current metrics" hidden={scenario.hide.includes('metrics')}>
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
      </div>
      <section
        className="chart-block"
        aria-labelledby="loss-chart-heading"
        hidden={scenario.hide.includes('charts')}
      >
        <h3 id="loss-chart-heading">
          Loss{' '}
          <span className="key" style={{ color: CLASS_COLORS[0] }}>
            — train
          </span>{' '}
          <span className="key" style={{ color: CLASS_COLORS[1] }}>
            - - test
          </span>
        </h3>
        <div ref={lossRef} className="chart-host" />
      </section>
      <section
        className="chart-block"
        aria-labelledby="energy-chart-heading"
        hidden={scenario.hide.includes('charts')}
      >
        <h3 id="energy-chart-heading">
          Kinetic cost{' '}
          <span className="key" style={{ color: CLASS_COLORS[2] }}>
            — C
          </span>
        </h3>
        <div ref={energyRef} className="chart-host" />
      </section>
    </div>
  );
}
