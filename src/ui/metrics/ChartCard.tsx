/**
 * One chart of the metrics column: a title with its legend, a log-scale switch, and a d3 chart
 * redrawn by the metrics panel's scheduler (one chart per frame) at most a few times a second, only
 * when the history changed or the chart was resized. `lines` must keep its identity (memoise it): a
 * new array rebuilds the chart.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChartLine, LineChart } from '../../charts/lineChart';
import { createLineChart } from '../../charts/lineChart';
import { formatNumber } from '../format';
import { useServices } from '../services';
import type { ChartScheduler } from '../../render/chartScheduler';

/** Charts redraw at most this often. */
const CHART_INTERVAL_MS = 200;

export function ChartCard({
  title,
  lines,
  logDefault,
  version,
  hidden,
  scheduler,
}: {
  title: string;
  lines: ChartLine[];
  logDefault: boolean;
  /** Changes whenever any of the lines' series changed. */
  version: () => number;
  hidden?: boolean;
  scheduler: ChartScheduler;
}) {
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<LineChart | null>(null);
  const [logY, setLogY] = useState(logDefault);
  const headingId = useId();
  const { steps } = useServices();

  useEffect(() => {
    const chart = createLineChart(hostRef.current!, {
      title,
      lines,
      logY: logDefault,
      format: (v) => formatNumber(v),
      // The charts and the timeline share the step in view: hovering shows a step, a tap pins it.
      onHover: (step) => steps.hover(step),
      onPick: (step) => steps.pin(step),
    });
    chartRef.current = chart;
    chart.showStep(steps.shown());
    const unsubscribeSteps = steps.subscribe(() => chart.showStep(steps.shown()));
    let drawnVersion = -1;
    let drawnAt = -Infinity;
    // The width comes from a ResizeObserver: reading it in the frame loop would force a layout.
    let resized = false;
    const observer = new ResizeObserver(([entry]) => {
      chart.resize(entry.contentRect.width);
      resized = true;
    });
    observer.observe(hostRef.current!);
    const remove = scheduler.add({
      due: (now) => resized || (version() !== drawnVersion && now - drawnAt >= CHART_INTERVAL_MS),
      draw(now) {
        drawnVersion = version();
        drawnAt = now;
        resized = false;
        chart.update();
      },
    });
    return () => {
      unsubscribeSteps();
      remove();
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [scheduler, title, lines, logDefault, version, steps]);

  return (
    <section
      className="chart-block"
      aria-labelledby={headingId}
      hidden={hidden}
      data-tour={`chart-${title.toLowerCase().replaceAll(' ', '-')}`}
    >
      <div className="chart-title">
        <h3 id={headingId}>
          {title}
          {lines
            .filter((l) => !l.secondRun)
            .map((l) => (
              <span key={l.label} className="key">
                <span
                  className={l.dashed ? 'key-line dashed' : 'key-line'}
                  style={{ borderColor: l.color }}
                />
                {l.label}
              </span>
            ))}
          {lines.some((l) => l.secondRun) && (
            <span className="key">
              <span className="key-line dotted" />
              run B
            </span>
          )}
        </h3>
        <label className="log-toggle">
          <input
            type="checkbox"
            checked={logY}
            onChange={(e) => {
              const log = e.currentTarget.checked;
              setLogY(log);
              chartRef.current?.setLogY(log);
            }}
          />
          log
        </label>
      </div>
      <div ref={hostRef} className="chart-host" />
    </section>
  );
}
