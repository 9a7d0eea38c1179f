/** What the colours and marks of the transport view mean, for the layers that are shown. */
import { datasetClasses } from '../../core/datasets';
import { classColor, SEQUENTIAL_STOPS } from '../../core/palette';
import { datasetSpec } from '../../scenario/runConfig';
import type { AppState } from '../../state/store';
import { useAppState, useScenarioFields } from '../services';
import { MongeGapLegend } from './MongeGapLegend';

const selectClasses = (s: AppState) => datasetClasses(datasetSpec(s.scenario));

export function Legend() {
  const scenario = useScenarioFields('layers', 'regions', 'trail');
  const classes = useAppState(selectClasses);
  const on = (layer: (typeof scenario.layers)[number]) => scenario.layers.includes(layer);
  return (
    <ul className="legend" aria-label="Legend">
      {Array.from({ length: classes }, (_, c) => (
        <li key={c}>
          <span className="swatch" style={{ background: classColor(c) }} /> class {c + 1}
        </li>
      ))}
      {on('train') && (
        <li>
          <span className="swatch filled" /> training point
        </li>
      )}
      {on('test') && (
        <li>
          <span className="swatch ring" /> test point
        </li>
      )}
      {on('trails') && scenario.trail === 'straightness' && (
        <li>
          trail straightness 0
          <span
            className="gradient"
            style={{ background: `linear-gradient(to right, ${SEQUENTIAL_STOPS.join(', ')})` }}
          />
          1
        </li>
      )}
      {on('trails') && scenario.trail === 'monge' && <MongeGapLegend />}
      {on('regions') && (
        <li>
          <span className="swatch region" /> predicted class
          {scenario.regions === 'soft' ? ' (deeper = surer)' : ''}
        </li>
      )}
      {on('field') && (
        <li>
          <span className="mark arrow">→</span> displacement h·v of the current block
        </li>
      )}
      {on('grid') && (
        <li>
          <span className="mark grid">#</span> grid carried to depth t
        </li>
      )}
      {on('ot') && (
        <li>
          <span className="line optimal" /> optimal pairing x₀ → T(x)
        </li>
      )}
      {on('pairs') && (
        <li>
          <span className="line own" /> network pairing x₀ → x_K
        </li>
      )}
    </ul>
  );
}
