/** A study's results: charts per quantity, the paired differences, the sentences, and the exports. */
import { useMemo, useState } from 'react';
import type { Study } from '../../scenario/study';
import type { StudyRow } from '../../scenario/studyRows';
import { studyCsv, studyJson } from '../../scenario/studyRows';
import type { QuantityKey } from '../../scenario/studySummary';
import { STUDY_QUANTITIES, summarizeStudy } from '../../scenario/studySummary';
import { download } from '../../app/exporting/download';
import { ARM_COLORS, differenceSpec, quantitySpec } from './studyCharts';
import { StudyChartView } from './StudyChartView';

export function StudyResults({
  study,
  rows,
  onPick,
}: {
  study: Study;
  rows: readonly StudyRow[];
  onPick: (link: string) => void;
}) {
  const summaries = useMemo(() => summarizeStudy(study, rows), [study, rows]);
  const [compared, setCompared] = useState<QuantityKey>('testAccuracy');
  const quantity = STUDY_QUANTITIES.find((q) => q.key === compared)!;
  const specs = useMemo(
    () => STUDY_QUANTITIES.map((q) => ({ q, spec: quantitySpec(study, rows, summaries, q, onPick) })),
    [study, rows, summaries, onPick],
  );
  const difference = useMemo(() => differenceSpec(study, summaries, quantity), [study, summaries, quantity]);
  return (
    <section className="study-results" aria-label="Study results">
      <ul className="study-legend" aria-label="Arms">
        {study.arms.map((arm, a) => (
          <li key={arm.label}>
            <span className="swatch" style={{ background: ARM_COLORS[a] }} aria-hidden="true" /> {arm.label}
            <code>{arm.set}</code>
          </li>
        ))}
      </ul>
      <p className="study-hint">Each dot is one run: click it to open that run in the lab.</p>
      <div className="study-charts">
        {specs.map(({ q, spec }) => (
          <StudyChartView key={q.key} spec={spec} caption={q.label} />
        ))}
      </div>
      {study.arms.length > 1 && (
        <>
          <h3>
            Paired differences{' '}
            <select
              aria-label="Quantity compared"
              value={compared}
              onChange={(e) => setCompared(e.target.value as QuantityKey)}
            >
              {STUDY_QUANTITIES.map((q) => (
                <option key={q.key} value={q.key}>
                  {q.label}
                </option>
              ))}
            </select>
          </h3>
          {/* The caption names the quantity: the figure stands on its own (the README shows it alone). */}
          <StudyChartView
            spec={difference}
            caption={`${quantity.label}: each arm minus ${study.arms[0].label}, seed by seed`}
          />
          <ul className="study-sentences" aria-label="Paired comparisons">
            {summaries.flatMap((s) =>
              s.comparisons
                .filter((c) => c.quantity === compared)
                .map((c) => (
                  <li key={`${s.value}/${c.arm}`}>
                    <strong>
                      {study.sweep} = {s.value}:
                    </strong>{' '}
                    {c.sentence}
                  </li>
                )),
            )}
          </ul>
        </>
      )}
      <div className="study-actions">
        <button
          type="button"
          onClick={() => download(studyCsv(study, rows), `${study.name}.csv`, 'text/csv')}
        >
          Download CSV
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              JSON.stringify(studyJson(study, rows), null, 1),
              `${study.name}.json`,
              'application/json',
            )
          }
        >
          Download JSON
        </button>
      </div>
    </section>
  );
}
