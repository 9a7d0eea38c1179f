/**
 * The transport view: the layer toggles, one canvas per run (two side by side in compare mode, on
 * the same axes and at the same depth), the depth bar with the flow animation, the per-depth
 * thumbnails, the pairing read-out and the legend.
 */
import { useSyncExternalStore } from 'react';
import { LiveSummary } from '../LiveSummary';
import { useShallow } from 'zustand/react/shallow';
import { useAppState, useScenarioFields, useServices } from '../services';
import { DrawBar } from '../draw/DrawBar';
import { Timeline } from '../history/Timeline';
import { CompareBar } from './CompareBar';
import { compareLabels } from './compareLabels';
import { DepthBar } from './DepthBar';
import { LayerToolbar } from './LayerToolbar';
import { Legend } from './Legend';
import { Thumbnails } from './Thumbnails';
import { TransportCanvas } from './TransportCanvas';
import { TransportReadout } from './TransportReadout';

export function TransportView() {
  const { runs } = useServices();
  const scenario = useScenarioFields('caption', 'hide');
  const second = useSyncExternalStore(runs.subscribe, runs.b);
  const labels = useAppState(useShallow((s) => compareLabels(s.scenario)));
  return (
    <figure className="transport" data-tour="transport">
      {!scenario.hide.includes('layers') && <LayerToolbar />}
      <CompareBar />
      <DrawBar />
      <div className={second ? 'canvases compare' : 'canvases'}>
        <TransportCanvas channel={runs.a} label={second ? labels.a : null} />
        {second && <TransportCanvas channel={second} label={labels.b} />}
      </div>
      {second && scenario.caption && <p className="compare-caption">{scenario.caption}</p>}
      {!scenario.hide.includes('depth') && (
        <>
          <DepthBar />
          <Thumbnails />
        </>
      )}
      <Timeline />
      <TransportReadout />
      <LiveSummary id="transport-summary" />
      <figcaption>
        <Legend />
      </figcaption>
    </figure>
  );
}
