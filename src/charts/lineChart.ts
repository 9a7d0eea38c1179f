/**
 * A small d3 line chart over decimating series, redrawn imperatively (never through React).
 * Several series share the axes; each is a path. The y axis can be logarithmic.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleContinuousNumeric } from 'd3-scale';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import type { DecimatingSeries } from '../core/series';

export interface ChartLine {
  label: string;
  color: string;
  series: DecimatingSeries;
  dashed?: boolean;
}

export interface LineChartOptions {
  /** Accessible name of the chart. */
  title: string;
  lines: ChartLine[];
  logY?: boolean;
  height?: number;
}

export interface LineChart {
  /** Redraws with the current contents of the series and the container's width. */
  update(): void;
  destroy(): void;
}

const MARGIN = { top: 8, right: 10, bottom: 22, left: 44 };

export function createLineChart(container: HTMLElement, options: LineChartOptions): LineChart {
  const height = options.height ?? 150;
  const svg = select(container)
    .append('svg')
    .attr('class', 'chart')
    .attr('role', 'img')
    .attr('aria-label', options.title)
    .attr('height', height);
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const xAxis = plot.append('g').attr('class', 'axis');
  const yAxis = plot.append('g').attr('class', 'axis');
  const paths: Selection<SVGPathElement, unknown, null, undefined>[] = options.lines.map((l) =>
    plot
      .append('path')
      .attr('fill', 'none')
      .attr('stroke', l.color)
      .attr('stroke-width', 1.6)
      .attr('stroke-dasharray', l.dashed ? '4 3' : null),
  );
  const empty = plot
    .append('text')
    .attr('class', 'chart-empty')
    .attr('y', (height - MARGIN.top - MARGIN.bottom) / 2)
    .text('no data yet');

  return {
    update() {
      const width = Math.max(120, container.clientWidth);
      const innerW = width - MARGIN.left - MARGIN.right;
      const innerH = height - MARGIN.top - MARGIN.bottom;
      svg.attr('width', width).attr('viewBox', `0 0 ${width} ${height}`);
      let xMax = 1;
      let yMin = Infinity;
      let yMax = -Infinity;
      for (const { series } of options.lines) {
        for (let i = 0; i < series.length; i++) {
          const y = series.ys[i];
          if (!Number.isFinite(y) || (options.logY && y <= 0)) continue;
          yMin = Math.min(yMin, y);
          yMax = Math.max(yMax, y);
        }
        if (series.length > 0) xMax = Math.max(xMax, series.xs[series.length - 1]);
      }
      const hasData = yMin <= yMax;
      empty.attr('x', innerW / 2).attr('visibility', hasData ? 'hidden' : 'visible');
      if (!hasData) {
        yMin = options.logY ? 0.1 : 0;
        yMax = 1;
      }
      if (yMin === yMax) {
        yMin = options.logY ? yMin / 2 : yMin - 0.5;
        yMax = options.logY ? yMax * 2 : yMax + 0.5;
      }
      const x = scaleLinear().domain([0, xMax]).range([0, innerW]);
      const y: ScaleContinuousNumeric<number, number> = (options.logY ? scaleLog() : scaleLinear())
        .domain([yMin, yMax])
        .range([innerH, 0])
        .nice();
      xAxis
        .attr('transform', `translate(0,${innerH})`)
        .call(axisBottom(x).ticks(Math.max(2, Math.floor(innerW / 70)), '~s'));
      const yTicks = axisLeft(y);
      if (options.logY) {
        // Powers of ten only: d3's log ticks add unlabelled minor ticks that clutter a small chart.
        const [lo, hi] = y.domain();
        const powers: number[] = [];
        for (let p = Math.ceil(Math.log10(lo)); p <= Math.floor(Math.log10(hi)); p++) powers.push(10 ** p);
        yTicks
          .tickValues(powers.length > 0 ? powers : [lo, hi])
          .tickFormat((v) => String(Number(Number(v).toPrecision(2))));
      } else {
        yTicks.ticks(4, '~r');
      }
      yAxis.call(yTicks);
      options.lines.forEach(({ series }, i) => {
        const indices = Array.from({ length: series.length }, (_, j) => j).filter(
          (j) => Number.isFinite(series.ys[j]) && (!options.logY || series.ys[j] > 0),
        );
        const path = line<number>()
          .x((j) => x(series.xs[j]))
          .y((j) => y(series.ys[j]))(indices);
        paths[i].attr('d', path ?? '');
      });
    },
    destroy() {
      svg.remove();
    },
  };
}
