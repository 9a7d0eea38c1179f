/**
 * A study chart: one quantity against the swept value (one position per value, in the study's
 * order), one line per arm through its means with a shaded 95% band, and every run as a small dot
 * that can be clicked (it names its run's link). Drawn imperatively into an <svg>, redrawn whole on
 * each change (a study has at most a few thousand dots).
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear, scalePoint } from 'd3-scale';
import { select } from 'd3-selection';
import { area, line } from 'd3-shape';

export interface StudyChartSeries {
  label: string;
  color: string;
  /** Per value (NaN where there is none yet). */
  mean: readonly number[];
  low: readonly number[];
  high: readonly number[];
}

export interface StudyChartPoint {
  /** Index of the value. */
  x: number;
  y: number;
  series: number;
  /** The run's share link, given to onPick. */
  link: string;
  /** Tooltip text. */
  title: string;
}

export interface StudyChartSpec {
  /** Accessible name. */
  title: string;
  xLabel: string;
  yLabel: string;
  values: readonly string[];
  series: readonly StudyChartSeries[];
  points: readonly StudyChartPoint[];
  /** Draw a rule at y = 0 (for differences). */
  zeroLine?: boolean;
  width: number;
  height: number;
  onPick?: (link: string) => void;
}

const MARGIN = { top: 10, right: 12, bottom: 36, left: 52 };

/** Draws (or redraws) the chart into the svg. */
export function drawStudyChart(svgElement: SVGSVGElement, spec: StudyChartSpec): void {
  const svg = select(svgElement);
  svg.selectAll('*').remove();
  svg.attr('viewBox', `0 0 ${spec.width} ${spec.height}`).attr('role', 'img').attr('aria-label', spec.title);
  const x = scalePoint<number>()
    .domain(spec.values.map((_, i) => i))
    .range([MARGIN.left, spec.width - MARGIN.right])
    .padding(0.5);
  const ys = [
    ...spec.points.map((p) => p.y),
    ...spec.series.flatMap((s) => [...s.low, ...s.high]),
    ...(spec.zeroLine ? [0] : []),
  ].filter(Number.isFinite);
  const lo = ys.length ? Math.min(...ys) : 0;
  const hi = ys.length ? Math.max(...ys) : 1;
  const pad = (hi - lo) * 0.06 || Math.abs(hi) * 0.1 || 1;
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([spec.height - MARGIN.bottom, MARGIN.top])
    .nice();

  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${spec.height - MARGIN.bottom})`)
    .call(axisBottom(x).tickFormat((i) => spec.values[i]));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${MARGIN.left},0)`)
    .call(axisLeft(y).ticks(5));
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('x', (MARGIN.left + spec.width - MARGIN.right) / 2)
    .attr('y', spec.height - 4)
    .attr('text-anchor', 'middle')
    .text(spec.xLabel);
  svg
    .append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(12,${(MARGIN.top + spec.height - MARGIN.bottom) / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(spec.yLabel);
  if (spec.zeroLine) {
    svg
      .append('line')
      .attr('class', 'zero-rule')
      .attr('x1', MARGIN.left)
      .attr('x2', spec.width - MARGIN.right)
      .attr('y1', y(0))
      .attr('y2', y(0));
  }

  // Arms sit side by side around each value so that their dots and bands do not hide each other.
  const step = x.step();
  const offset = (series: number) =>
    (series - (spec.series.length - 1) / 2) * Math.min(10, step / (3 * spec.series.length));
  spec.series.forEach((s, si) => {
    const at = (i: number) => x(i)! + offset(si);
    const defined = (i: number) =>
      Number.isFinite(s.mean[i]) && Number.isFinite(s.low[i]) && Number.isFinite(s.high[i]);
    const indices = spec.values.map((_, i) => i);
    svg
      .append('path')
      .attr('class', 'study-band')
      .attr('fill', s.color)
      .attr(
        'd',
        area<number>()
          .defined(defined)
          .x(at)
          .y0((i) => y(s.low[i]))
          .y1((i) => y(s.high[i]))(indices),
      );
    svg
      .append('path')
      .attr('class', 'study-mean')
      .attr('stroke', s.color)
      .attr(
        'd',
        line<number>()
          .defined((i) => Number.isFinite(s.mean[i]))
          .x(at)
          .y((i) => y(s.mean[i]))(indices),
      );
    // Error bars: the band alone hides the interval at a single value.
    for (const i of indices.filter(defined)) {
      svg
        .append('line')
        .attr('class', 'study-interval')
        .attr('stroke', s.color)
        .attr('x1', at(i))
        .attr('x2', at(i))
        .attr('y1', y(s.low[i]))
        .attr('y2', y(s.high[i]));
    }
  });
  const dots = svg
    .append('g')
    .selectAll('circle')
    .data(spec.points.filter((p) => Number.isFinite(p.y)))
    .join('circle')
    .attr('class', 'study-run')
    .attr('cx', (p) => x(p.x)! + offset(p.series))
    .attr('cy', (p) => y(p.y))
    .attr('r', 3.5)
    .attr('fill', (p) => spec.series[p.series].color)
    .attr('data-link', (p) => p.link);
  dots.append('title').text((p) => p.title);
  if (spec.onPick) {
    const pick = spec.onPick;
    dots.on('click', (_, p) => pick(p.link));
  }
}
