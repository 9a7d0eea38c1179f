/** Mounts one d3 study chart and redraws it when its data or width change. */
import { useEffect, useRef, useState } from 'react';
import type { StudyChartSpec } from '../../charts/studyChart';
import { drawStudyChart } from '../../charts/studyChart';

export function StudyChartView({
  spec,
  caption,
}: {
  spec: Omit<StudyChartSpec, 'width' | 'height'>;
  caption: string;
}) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(360);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.max(240, Math.round(entry.contentRect.width))),
    );
    observer.observe(ref.current!.parentElement!);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    drawStudyChart(ref.current!, { ...spec, width, height: 220 });
  }, [spec, width]);
  return (
    <figure className="study-chart">
      <figcaption>{caption}</figcaption>
      <svg ref={ref} />
    </figure>
  );
}
