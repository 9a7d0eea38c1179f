/**
 * The metrics column: read-outs of the latest snapshot (with the generalisation gap), the
 * least-action measures, the per-block energies beside the per-block own and optimal costs, and charts against the training step. In compare
 * mode every figure shows both runs (A | B) and every chart overlays run B dotted.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { MetricsHistory } from '../../charts/metricsHistory';
import type { ChartLine } from '../../charts/lineChart';
import { CLASS_COLORS } from '../../core/palette';
import type { LiveReadout } from '../../state/store';
import { selectLive, selectLiveB } from '../../state/selectors';
import { formatNumber, formatPercent } from '../format';
import { useAppState, useScenarioFields, useServices } from '../services';
import { ChartCard } from './ChartCard';
import { createChartScheduler } from '../../render/chartScheduler';
import { BlockTransport } from './BlockTransport';
import { EnergyBars } from './EnergyBars';
import { LeastActionReadout } from './LeastActionReadout';

const [BLUE, ORANGE, GREEN, PINK] = CLASS_COLORS;
const VERMILION = '#D55E00';

/** The charts of one run's history. */
function chartLines(h: MetricsHistory): { title: string; logDefault: boolean; lines: ChartLine[] }[] {
  const { perStep, perSnapshot, perTransport } = h;
  return [
    {
      title: 'Loss',
      logDefault: true,
      lines: [
        { label: 'train', color: BLUE, series: perStep.crossEntropy },
        { label: 'test', color: ORANGE, series: perSnapshot.testLoss!, dashed: true },
      ],
    },
    {
      title: 'Accuracy',
      logDefault: false,
      lines: [
        { label: 'train', color: BLUE, series: perSnapshot.trainAccuracy! },
        { label: 'test', color: ORANGE, series: perSnapshot.testAccuracy!, dashed: true },
      ],
    },
    {
      title: 'Kinetic cost',
      logDefault: true,
      lines: [{ label: 'C', color: GREEN, series: perStep.kineticCost }],
    },
    {
      title: 'Penalty',
      logDefault: true,
      lines: [
        { label: 'weight a', color: VERMILION, series: perStep.weight },
        { label: 'λ', color: PINK, series: perStep.lambda, dashed: true },
      ],
    },
    {
      title: 'Transport',
      logDefault: true,
      lines: [
        { label: 'W₂²', color: VERMILION, series: perTransport.optimalCost },
        { label: 'S', color: BLUE, series: perTransport.straightLineCost, dashed: true },
        { label: 'action', color: GREEN, series: perTransport.action },
      ],
    },
  ];
}

function Stat({
  label,
  a,
  b,
  title,
  tour,
}: {
  label: string;
  a: string;
  b: string | null;
  title: string;
  /** Its name for lessons (data-tour). */
  tour?: string;
}) {
  return (
    <div className="stat" title={title} data-tour={tour}>
      <span className="stat-label">{label}</span>
      <span className="stat-value">
        {a}
        {b !== null && <span className="stat-b"> | {b}</span>}
      </span>
    </div>
  );
}

export function MetricsPanel() {
  const live = useAppState(selectLive);
  const liveB = useAppState(selectLiveB);
  const scenario = useScenarioFields('hide', 'penalty');
  const { runs, loop } = useServices();
  const scheduler = useMemo(() => createChartScheduler(), []);
  useEffect(() => loop.add(scheduler.tick), [loop, scheduler]);
  const second = useSyncExternalStore(runs.subscribe, runs.b);
  const charts = useMemo(() => {
    const own = chartLines(runs.a.history);
    const other = second ? chartLines(second.history) : null;
    const version = () => runs.a.history.version + (second?.history.version ?? 0);
    return own.map((chart, i) => ({
      ...chart,
      version,
      lines: other
        ? [...chart.lines, ...other[i].lines.map((l) => ({ ...l, label: `B ${l.label}`, secondRun: true }))]
        : chart.lines,
    }));
  }, [runs, second]);
  const both = (f: (r: LiveReadout | null) => string) => ({ a: f(live), b: second ? f(liveB) : null });
  const gap = (r: LiveReadout | null) =>
    r ? `${(100 * (r.trainAccuracy - r.testAccuracy)).toFixed(1)} pts` : '–';
  const hideCharts = scenario.hide.includes('charts');
  return (
    <div className="metrics-panel">
      <div hidden={scenario.hide.includes('metrics')}>
        {second && <p className="compare-note">A | B: the scenario's run | the compared run.</p>}
        <div className="stats" aria-label="Current metrics">
          <Stat
            label="train acc."
            tour="train-accuracy"
            {...both((r) => formatPercent(r?.trainAccuracy))}
            title="Accuracy on all training points"
          />
          <Stat
            label="test acc."
            tour="test-accuracy"
            {...both((r) => formatPercent(r?.testAccuracy))}
            title="Accuracy on the held-out test points"
          />
          <Stat
            label="train loss"
            {...both((r) => formatNumber(r?.trainLoss))}
            title="Mean cross-entropy over all training points"
          />
          <Stat
            label="test loss"
            {...both((r) => formatNumber(r?.testLoss))}
            title="Mean cross-entropy over the test points"
          />
          <Stat
            label="kinetic C"
            tour="kinetic-cost"
            {...both((r) => formatNumber(r?.kineticCost))}
            title="C = ½ Σₖ Eₖ, the transport cost added to the loss"
          />
          <Stat
            label={scenario.penalty === 'lap' ? 'a = 1/λ' : 'weight a'}
            tour="weight-readout"
            {...both((r) => formatNumber(r?.weight))}
            title="The penalty weight the next step uses"
          />
          <Stat
            label="generalisation gap"
            tour="gap"
            {...both(gap)}
            title="Train accuracy minus test accuracy: what fewer training points cost"
          />
          <Stat
            label="λ"
            tour="lambda-readout"
            {...both((r) => formatNumber(r?.lambda))}
            title="The least-action multiplier (grows by τ·CE every s steps in least-action mode)"
          />
        </div>
        <LeastActionReadout />
        <EnergyBars />
        <BlockTransport />
      </div>
      {charts.map((c) => (
        <ChartCard
          key={c.title}
          title={c.title}
          lines={c.lines}
          logDefault={c.logDefault}
          version={c.version}
          hidden={hideCharts}
          scheduler={scheduler}
        />
      ))}
    </div>
  );
}
