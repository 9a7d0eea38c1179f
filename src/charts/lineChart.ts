/**
 * A small d3 line chart over decimating series, redrawn imperatively (never through React). Several
 * series share the axes; the y axis can switch between linear and logarithmic; hovering shows a rule
 * and each series' value at the nearest recorded step.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import type { ScaleContinuousNumeric } from 'd3-scale';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { Selection } from 'd3-selection';
import { pointer, select } from 'd3-selection';
import type { DecimatingSeries } from '../core/series';
import { columnExtremes } from './columnExtremes';
import { linePath } from './linePath';

export interface ChartLine {
  label: string;
  color: string;
  series: DecimatingSeries;
  dashed?: boolean;
  /** A line of the compared run: drawn dotted and thinner. */
  secondRun?: boolean;
}

export interface LineChartOptions {
  /** Accessible name of the chart. */
  title: string;
  lines: ChartLine[];
  logY?: boolean;
  height?: number;
  /** Formats a value for the hover read-out. */
  format: (value: number) => string;
  /** Hears the recorded step under the pointer while it hovers, and null when it leaves. */
  onHover?: (step: number | null) => void;
  /** Hears the recorded step tapped or clicked. */
  onPick?: (step: number) => void;
}

export interface LineChart {
  /** Redraws with the current contents of the series at the current width. */
  update(): void;
  /** Sets the width in CSS pixels (the container's, as a ResizeObserver reports it); redraw to apply. */
  resize(width: number): void;
  setLogY(log: boolean): void;
  /** Marks the step in view with a rule (null: none), kept in place across redraws. */
  showStep(step: number | null): void;
  destroy(): void;
}

const MARGIN = { top: 8, right: 10, bottom: 22, left: 44 };

/** A step count for an axis tick: 0, 500, 1.5k, 20k, 1.2M (each tick on its own, no shared prefix). */
export function formatStep(step: number): string {
  const round = (v: number) => String(Number(v.toPrecision(3)));
  if (Math.abs(step) >= 1e6) return `${round(step / 1e6)}M`;
  if (Math.abs(step) >= 1e3) return `${round(step / 1e3)}k`;
  return round(step);
}

const finite = Number.isFinite;
const positive = (v: number) => Number.isFinite(v) && v > 0;

/** Index of the stored point of `series` nearest to step x (binary search; -1 when empty). */
export function nearestIndex(series: DecimatingSeries, x: number): number {
  let lo = 0;
  let hi = series.length - 1;
  if (hi < 0) return -1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (series.xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(series.xs[lo - 1] - x) <= Math.abs(series.xs[lo] - x) ? lo - 1 : lo;
}

export function createLineChart(container: HTMLElement, options: LineChartOptions): LineChart {
  const height = options.height ?? 140;
  let logY = options.logY ?? false;
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
      .attr('stroke-width', l.secondRun ? 1.3 : 1.6)
      .attr('stroke-dasharray', l.secondRun ? '1 2.5' : l.dashed ? '4 3' : null),
  );
  const empty = plot
    .append('text')
    .attr('class', 'chart-empty')
    .attr('y', (height - MARGIN.top - MARGIN.bottom) / 2)
    .text('no data yet');
  const rule = plot.append('line').attr('class', 'chart-rule').attr('visibility', 'hidden');
  const stepRule = plot.append('line').attr('class', 'chart-step-rule').attr('visibility', 'hidden');
  const readout = plot
    .append('text')
    .attr('class', 'chart-readout')
    .attr('y', 10)
    .attr('visibility', 'hidden');
  const hoverArea = plot.append('rect').attr('class', 'chart-hover').attr('fill', 'transparent');

  // Scales and axes are built once and given new domains on each redraw.
  const x = scaleLinear();
  const linearY = scaleLinear();
  const logarithmicY = scaleLog();
  let y: ScaleContinuousNumeric<number, number> = linearY;
  const stepAxis = axisBottom(x).tickFormat((v) => formatStep(Number(v)));
  let innerW = 0;
  let innerH = 0;
  let width = 120;
  // What the frame (size, value axis) was last drawn for.
  const drawnFrame = { lo: NaN, hi: NaN, width: NaN, logY: false, hasData: false };
  let stepInView: number | null = null;
  const placeStepRule = () => {
    const shown = stepInView !== null && innerW > 0;
    const at = shown ? x(stepInView!) : 0;
    stepRule.attr('x1', at).attr('x2', at).attr('y1', 0).attr('y2', innerH);
    stepRule.attr('visibility', shown && at >= 0 && at <= innerW ? 'visible' : 'hidden');
  };
  /** The recorded step nearest to the pointer (of the first line that has points), or null. */
  const stepUnder = (event: PointerEvent): number | null => {
    const [px] = pointer(event, hoverArea.node());
    for (const { series } of options.lines) {
      const i = nearestIndex(series, x.invert(px));
      if (i >= 0) return series.xs[i];
    }
    return null;
  };
  // Per line, the indices of the points drawn (reused from draw to draw).
  const drawn = options.lines.map((l) => new Int32Array(l.series.capacity));

  // A tap shows the read-out too (pointerdown), and it stays until the next tap: a finger leaves at once.
  hoverArea
    .on('pointermove pointerdown', (event: PointerEvent) => {
      const [px] = pointer(event, hoverArea.node());
      const step = x.invert(px);
      const parts: string[] = [];
      let ruleX = px;
      for (const { label, series } of options.lines) {
        const i = nearestIndex(series, step);
        if (i < 0) continue;
        ruleX = x(series.xs[i]);
        parts.push(`${label} ${options.format(series.ys[i])}`);
      }
      if (parts.length === 0) return;
      const hovered = stepUnder(event);
      if (hovered !== null) options.onHover?.(hovered);
      rule.attr('x1', ruleX).attr('x2', ruleX).attr('y1', 0).attr('y2', innerH).attr('visibility', 'visible');
      readout
        .text(`step ${Math.round(step)}: ${parts.join(' · ')}`)
        .attr('x', ruleX > innerW / 2 ? ruleX - 6 : ruleX + 6)
        .attr('text-anchor', ruleX > innerW / 2 ? 'end' : 'start')
        .attr('visibility', 'visible');
    })
    .on('pointerleave', (event: PointerEvent) => {
      if (event.pointerType === 'touch') return;
      rule.attr('visibility', 'hidden');
      readout.attr('visibility', 'hidden');
      options.onHover?.(null);
    })
    .on('click', (event: PointerEvent) => {
      const picked = stepUnder(event);
      if (picked !== null) options.onPick?.(picked);
    });

  const chart: LineChart = {
    resize(next) {
      width = Math.max(120, next);
    },
    update() {
      innerW = width - MARGIN.left - MARGIN.right;
      innerH = height - MARGIN.top - MARGIN.bottom;
      let xMax = 1;
      let yMin = Infinity;
      let yMax = -Infinity;
      for (const { series } of options.lines) {
        for (let i = 0; i < series.length; i++) {
          const v = series.ys[i];
          if (!Number.isFinite(v) || (logY && v <= 0)) continue;
          yMin = Math.min(yMin, v);
          yMax = Math.max(yMax, v);
        }
        if (series.length > 0) xMax = Math.max(xMax, series.xs[series.length - 1]);
      }
      const hasData = yMin <= yMax;
      if (!hasData) {
        yMin = logY ? 0.1 : 0;
        yMax = 1;
      }
      if (yMin === yMax) {
        yMin = logY ? yMin / 2 : yMin - 0.5;
        yMax = logY ? yMax * 2 : yMax + 0.5;
      }
      // The step axis ends at the latest step, so the lines reach the right edge; the value axis is
      // rounded out to tick values and so changes only now and then: it (and the chart's size) is
      // rebuilt, which is DOM work, only when it changed.
      x.domain([0, xMax]).range([0, innerW]);
      y = logY ? logarithmicY : linearY;
      y.domain([yMin, yMax]).range([innerH, 0]).nice();
      const [lo, hi] = y.domain();
      const f = drawnFrame;
      if (f.lo !== lo || f.hi !== hi || f.width !== width || f.logY !== logY || f.hasData !== hasData) {
        drawFrame(hasData);
        Object.assign(f, { lo, hi, width, logY, hasData });
      }
      xAxis
        .attr('transform', `translate(0,${innerH})`)
        .call(stepAxis.ticks(Math.max(2, Math.floor(innerW / 70))));
      const shown = logY ? positive : finite;
      for (let i = 0; i < options.lines.length; i++) {
        const { series } = options.lines[i];
        const count = columnExtremes(series.xs, series.ys, series.length, x, shown, drawn[i]);
        paths[i].attr('d', linePath(series.xs, series.ys, drawn[i], count, x, y));
      }
      placeStepRule();
    },
    showStep(step) {
      stepInView = step;
      placeStepRule();
    },
    setLogY(log) {
      logY = log;
      chart.update();
    },
    destroy() {
      svg.remove();
    },
  };

  /** The chart's size, value axis and empty note. */
  function drawFrame(hasData: boolean) {
    svg.attr('width', width).attr('viewBox', `0 0 ${width} ${height}`);
    hoverArea.attr('width', innerW).attr('height', innerH);
    empty.attr('x', innerW / 2).attr('visibility', hasData ? 'hidden' : 'visible');
    const yTicks = axisLeft(y);
    if (logY) {
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
  }
  return chart;
}
