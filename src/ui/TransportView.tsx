/**
 * The transport view: particles at depth t on fixed axes, drawn by the canvas renderer in the page's
 * frame loop, with a depth slider and a legend. React mounts the canvas once; drawing bypasses React.
 */
import { useEffect, useId, useRef } from 'react';
import { datasetClasses } from '../core/datasets';
import { classColor } from '../core/palette';
import { datasetSpec } from '../scenario/runConfig';
import { createParticleRenderer } from '../render/particles';
import { selectDepth, selectLive, selectScenario, selectShowTest } from '../state/selectors';
import { CHOICE_LABELS } from './controls/labels';
import { useAppState, useServices } from './services';

export function TransportView() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { frames, loop, store } = useServices();
  const depth = useAppState(selectDepth);
  const showTest = useAppState(selectShowTest);
  const scenario = useAppState(selectScenario);
  const live = useAppState(selectLive);
  const depthId = useId();
  const blocks = live?.blocks ?? scenario.K;

  useEffect(() => {
    const canvas = canvasRef.current!;
    const renderer = createParticleRenderer(canvas);
    const resize = new ResizeObserver(() => renderer.invalidate());
    resize.observe(canvas);
    const view = { depth: 0, showTest: true };
    const remove = loop.add(() => {
      const state = store.getState();
      view.depth = state.depth;
      view.showTest = state.showTest;
      renderer.draw(frames.current(), frames.version(), view);
    });
    return () => {
      remove();
      resize.disconnect();
    };
  }, [frames, loop, store]);

  const classes = datasetClasses(datasetSpec(scenario));
  return (
    <figure className="transport">
      <div className="canvas-frame">
        <canvas
          ref={canvasRef}
          className="transport-canvas"
          role="img"
          aria-label={`${CHOICE_LABELS.data[scenario.data]}: training and test points carried to depth ${depth.toFixed(2)} of ${blocks}`}
        />
      </div>
      <div className="depth-control">
        <label htmlFor={depthId}>
          depth t = <output htmlFor={depthId}>{depth.toFixed(2)}</output> / {blocks}
        </label>
        <div className="depth-slider">
          <span aria-hidden="true">input</span>
          <input
            id={depthId}
            type="range"
            min={0}
            max={blocks}
            step={0.01}
            value={Math.min(depth, blocks)}
            onChange={(e) => store.getState().setDepth(Number(e.currentTarget.value))}
          />
          <span aria-hidden="true">output</span>
        </div>
      </div>
      <figcaption className="legend">
        {Array.from({ length: classes }, (_, c) => (
          <span key={c} className="legend-item">
            <span className="swatch" style={{ background: classColor(c) }} /> class {c + 1}
          </span>
        ))}
        <span className="legend-item">
          <span className="swatch filled" /> training
        </span>
        <label className="legend-item toggle">
          <input
            type="checkbox"
            checked={showTest}
            onChange={(e) => store.getState().setShowTest(e.currentTarget.checked)}
          />
          <span className="swatch ring" /> test points
        </label>
      </figcaption>
    </figure>
  );
}
