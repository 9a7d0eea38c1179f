/** Chart specs from a study's rows: a quantity per arm against the swept value, and paired differences. */
import type { StudyChartSpec } from '../../charts/studyChart';
import type { Study } from '../../scenario/study';
import type { StudyRow } from '../../scenario/studyRows';
import type { StudyQuantity, ValueSummary } from '../../scenario/studySummary';

/** Colours of the arms (Okabe-Ito: told apart with most colour vision), readable in both themes. */
export const ARM_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'];

type Spec = Omit<StudyChartSpec, 'width' | 'height'>;

export function quantitySpec(
  study: Study,
  rows: readonly StudyRow[],
  summaries: readonly ValueSummary[],
  q: StudyQuantity,
  onPick: (link: string) => void,
): Spec {
  const k = q.scale;
  return {
    title: `${q.label} against ${study.sweep}, one line per arm with its 95% interval`,
    xLabel: study.sweep,
    yLabel: q.label,
    values: study.values,
    series: study.arms.map((arm, a) => ({
      label: arm.label,
      color: ARM_COLORS[a],
      mean: summaries.map((s) => k * s.arms[a].stats[q.key].mean),
      low: summaries.map((s) => k * s.arms[a].stats[q.key].low),
      high: summaries.map((s) => k * s.arms[a].stats[q.key].high),
    })),
    points: rows.map((r) => ({
      x: study.values.indexOf(r.value),
      y: k * q.of(r),
      series: study.arms.findIndex((a) => a.label === r.arm),
      link: r.link,
      title: `${r.arm}, ${study.sweep} = ${r.value}, seed ${r.seed}: ${q.wording.format(q.of(r))} (click to open)`,
    })),
    onPick,
  };
}

/** Each arm minus the baseline, per value, with the paired interval. */
export function differenceSpec(study: Study, summaries: readonly ValueSummary[], q: StudyQuantity): Spec {
  const k = q.scale;
  const arms = study.arms.slice(1);
  const of = (arm: string) =>
    summaries.map((s) => s.comparisons.find((c) => c.arm === arm && c.quantity === q.key)!);
  return {
    title: `${q.label}: each arm minus ${study.arms[0].label}, mean paired difference with its 95% interval`,
    xLabel: study.sweep,
    yLabel: `${q.label}, minus ${study.arms[0].label}`,
    values: study.values,
    zeroLine: true,
    series: arms.map((arm, a) => ({
      label: arm.label,
      color: ARM_COLORS[a + 1],
      mean: of(arm.label).map((c) => k * c.comparison.difference.mean),
      low: of(arm.label).map((c) => k * c.comparison.difference.low),
      high: of(arm.label).map((c) => k * c.comparison.difference.high),
    })),
    points: [],
  };
}
