/** One toggle per layer of the transport view, and the settings of the layers that have some. */
import { VIEW_LAYERS } from '../../scenario/schema';
import type { ViewLayer } from '../../scenario/schema';
import { selectLayers } from '../../state/selectors';
import { ChoiceField, SliderField } from '../controls/fields';
import { useAppState, useServices } from '../services';
import { LAYER_LABELS } from './labels';

export function LayerToolbar() {
  const layers = useAppState(selectLayers);
  const { store } = useServices();
  const toggle = (layer: ViewLayer) => {
    const next = layers.includes(layer) ? layers.filter((l) => l !== layer) : [...layers, layer];
    store.getState().editScenario({ layers: VIEW_LAYERS.filter((l) => next.includes(l)) });
  };
  return (
    <div className="layer-toolbar">
      <div className="layer-toggles" role="group" aria-label="Layers" data-tour="layers">
        {VIEW_LAYERS.map((layer) => (
          <button
            key={layer}
            type="button"
            className={`chip-toggle layer-${layer}`}
            aria-pressed={layers.includes(layer)}
            onClick={() => toggle(layer)}
          >
            {LAYER_LABELS[layer]}
          </button>
        ))}
      </div>
      {(layers.includes('trails') || layers.includes('regions')) && (
        <details className="layer-settings">
          <summary>Layer settings</summary>
          <div className="layer-settings-grid">
            {layers.includes('trails') && (
              <>
                <ChoiceField name="trail" />
                <SliderField name="trailop" />
                <SliderField name="trails" />
              </>
            )}
            {layers.includes('regions') && <ChoiceField name="regions" />}
          </div>
        </details>
      )}
    </div>
  );
}
