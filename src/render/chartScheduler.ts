/**
 * Redraws the metrics charts from the frame loop, one chart per frame at most, taking turns: charts
 * that all became due together (a new snapshot reaches every chart at once) are spread over
 * successive frames instead of adding up in one, and a frame already busy with the transport view
 * leaves its chart to the next one (render/frameLoop.ts, createDeferral).
 */
import { createDeferral } from './frameLoop';

/** A chart as the scheduler sees it. */
export interface ScheduledChart {
  /** Whether the chart wants a redraw now. */
  due(now: number): boolean;
  draw(now: number): void;
}

export interface ChartScheduler {
  /** Adds a chart; returns the function that removes it. */
  add(chart: ScheduledChart): () => void;
  /** The frame-loop function: draws the next due chart, if any and if the frame has room. */
  tick(now: number, spent: () => number): void;
}

export function createChartScheduler(): ChartScheduler {
  const charts: ScheduledChart[] = [];
  const mayRun = createDeferral();
  let cursor = 0;
  return {
    add(chart) {
      charts.push(chart);
      return () => {
        const i = charts.indexOf(chart);
        if (i >= 0) charts.splice(i, 1);
      };
    },
    tick(now, spent) {
      for (let visited = 0; visited < charts.length; visited++) {
        const i = (cursor + visited) % charts.length;
        if (!charts[i].due(now)) continue;
        if (!mayRun(now, spent)) return;
        charts[i].draw(now);
        cursor = (i + 1) % charts.length;
        return;
      }
    },
  };
}
