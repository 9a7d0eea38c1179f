/**
 * The transport view: the canvas (drawn by render/transportRenderer in the page's frame loop), its
 * layer toggles, the depth bar with the flow animation, the per-depth thumbnails and the legend.
 * React mounts the canvas once; drawing and the animated depth bypass React.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createTransportRenderer } from '../../render/transportRenderer';
import type { TransportView as ViewSettings } from '../../render/transportRenderer';
import { selectScenario, selectTheme } from '../../state/selectors';
import { CHOICE_LABELS } from '../controls/labels';
import { useAppState, useServices } from '../services';
import { DepthBar } from './DepthBar';
import { LayerToolbar } from './LayerToolbar';
import { Legend } from './Legend';
import { Thumbnails } from './Thumbnails';
import { TransportReadout } from './TransportReadout';
import { useCanvasNavigation } from './useCanvasNavigation';
import { reducedMotionQuery, useReducedMotion } from './useReducedMotion';

export function TransportView() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const services = useServices();
  const { frames, loop, store, depth, camera, renderStats } = services;
  const scenario = useAppState(selectScenario);
  const theme = useAppState(selectTheme);
  const reducedMotion = useReducedMotion();
  const moved = useSyncExternalStore(camera.subscribe, camera.isMoved);
  useCanvasNavigation(canvasRef, camera, frames);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const renderer = createTransportRenderer(canvas, frames, renderStats);
    const resize = new ResizeObserver(() => renderer.invalidate());
    resize.observe(canvas);
    const themeChange = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => renderer.invalidate();
    themeChange.addEventListener('change', onTheme);
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (state.theme !== previous.theme) requestAnimationFrame(() => renderer.invalidate());
    });
    const view: ViewSettings = {
      depth: 0,
      layers: [],
      region: { cx: 0, cy: 0, half: 1 },
      trail: 'class',
      trailOpacity: 1,
      trailCap: 0,
      regions: 'soft',
    };
    const remove = loop.add((now) => {
      const s = store.getState().scenario;
      const frame = frames.current();
      const blocks = frame?.layout.blocks ?? s.K;
      depth.tick(now, { blocks, speed: s.speed, mode: s.flow, reducedMotion: reducedMotionQuery.matches });
      view.depth = depth.depth();
      view.layers = s.layers;
      view.region = frame ? camera.visible(frame.region) : view.region;
      view.trail = s.trail;
      view.trailOpacity = s.trailop;
      view.trailCap = s.trails;
      view.regions = s.regions;
      renderer.draw(view);
    });
    return () => {
      remove();
      resize.disconnect();
      themeChange.removeEventListener('change', onTheme);
      unsubscribeStore();
    };
  }, [frames, loop, store, depth, camera, renderStats]);

  return (
    <figure className="transport" data-theme-choice={theme}>
      {!scenario.hide.includes('layers') && <LayerToolbar />}
      <div className="canvas-frame">
        <canvas
          ref={canvasRef}
          className="transport-canvas"
          role="img"
          aria-label={`${CHOICE_LABELS.data[scenario.data]}: training and test points carried through ${scenario.K} residual blocks. Scroll to zoom, drag to pan, double-click to reset the view.`}
        />
        {moved && (
          <button type="button" className="reset-view" onClick={() => camera.reset()}>
            Reset view
          </button>
        )}
        {scenario.caption && <p className="canvas-caption">{scenario.caption}</p>}
        {reducedMotion && (
          <span className="motion-note">Reduced motion: the flow steps through whole depths.</span>
        )}
      </div>
      {!scenario.hide.includes('depth') && (
        <>
          <DepthBar />
          <Thumbnails />
        </>
      )}
      <TransportReadout />
      <figcaption>
        <Legend />
      </figcaption>
    </figure>
  );
}
