/** The gallery of presets: each tells one of the stories of the least-action paper in a ready scenario. */
import { useEffect, useRef } from 'react';
import { decodeScenarioLink } from '../../scenario/link';
import { PRESETS } from '../../scenario/presets';
import type { Preset } from '../../scenario/presets';
import { datasetSpec } from '../../scenario/runConfig';
import { drawDatasetPreview } from '../../render/datasetPreview';
import { useServices } from '../services';
import { Dialog } from './Dialog';

function PresetCard({ preset, onOpen }: { preset: Preset; onOpen: () => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    drawDatasetPreview(canvasRef.current!, datasetSpec(decodeScenarioLink(preset.link).scenario));
  }, [preset]);
  return (
    <li className="preset-card">
      <canvas ref={canvasRef} className="preset-preview" aria-hidden="true" />
      <div>
        <h3>{preset.title}</h3>
        <p>{preset.caption}</p>
        <button type="button" onClick={onOpen} aria-label={`Open the preset ${preset.title}`}>
          Open
        </button>
      </div>
    </li>
  );
}

export function PresetGallery({ open, onClose }: { open: boolean; onClose: () => void }) {
  const services = useServices();
  return (
    <Dialog open={open} onClose={onClose} title="Presets" wide>
      <p>Each preset opens a ready scenario that shows one idea of the least-action view of deep learning.</p>
      <ul className="preset-list">
        {PRESETS.map((preset) => (
          <PresetCard
            key={preset.id}
            preset={preset}
            onOpen={() => {
              const { scenario } = decodeScenarioLink(preset.link);
              void services.open({ ...scenario, caption: preset.title });
              onClose();
            }}
          />
        ))}
      </ul>
    </Dialog>
  );
}
