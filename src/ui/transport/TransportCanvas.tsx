/**
 * One run's transport canvas, drawn by render/transportRenderer in the page's frame loop at the
 * shared depth and on the shared axes. React mounts the canvas once; drawing bypasses React.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TransportView as ViewSettings } from '../../render/transportRenderer';
import { createTransportRenderer } from '../../render/transportRenderer';
import { selectScenario } from '../../state/selectors';
import { CHOICE_LABELS } from '../controls/labels';
import type { RunChannel } from '../runs';
import { useAppState, useServices } from '../services';
import { useCanvasNavigation } from './useCanvasNavigation';
import { useReducedMotion } from './useReducedMotion';

export function TransportCanvas({ channel, label }: { channel: RunChannel; label: string | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { loop, store, depth, camera, view, renderStats } = useServices();
  const scenario = useAppState(selectScenario);
  const reducedMotion = useReducedMotion();
  const moved = useSyncExternalStore(camera.subscribe, camera.isMoved);
  useCanvasNavigation(canvasRef, camera, view);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const renderer = createTransportRenderer(canvas, channel.frames, renderStats);
    const resize = new ResizeObserver(() => renderer.invalidate());
    resize.observe(canvas);
    const themeChange = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => renderer.invalidate();
    themeChange.addEventListener('change', onTheme);
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (state.theme !== previous.theme) requestAnimationFrame(() => renderer.invalidate());
    });
    const settings: ViewSettings = {
      depth: 0,
      layers: [],
      region: { cx: 0, cy: 0, half: 1 },
      trail: 'class',
      trailOpacity: 1,
      trailCap: 0,
      regions: 'soft',
    };
    const remove = loop.add(() => {
      const s = store.getState().scenario;
      settings.depth = depth.depth();
      settings.layers = s.layers;
      settings.region = view.visible() ?? settings.region;
      settings.trail = s.trail;
      settings.trailOpacity = s.trailop;
      settings.trailCap = s.trails;
      settings.regions = s.regions;
      renderer.draw(settings);
    });
    return () => {
      remove();
      resize.disconnect();
      themeChange.removeEventListener('change', onTheme);
      unsubscribeStore();
    };
  }, [channel, loop, store, depth, view, renderStats]);

  return (
    <div className="canvas-frame">
      <canvas
        ref={canvasRef}
        className="transport-canvas"
        data-run={channel.id}
        role="img"
        aria-describedby="transport-summary"
        aria-label={`${label ? `${label}. ` : ''}${CHOICE_LABELS.data[scenario.data]}: training and test points carried through ${scenario.K} residual blocks. Scroll to zoom, drag to pan, double-click to reset the view.`}
      />
      {label && <span className="run-label">{label}</span>}
      {scenario.caption && !label && <p className="canvas-caption">{scenario.caption}</p>}
      {moved && (
        <button type="button" className="reset-view" onClick={() => camera.reset()}>
          Reset view
        </button>
      )}
      {reducedMotion && (
        <span className="motion-note">Reduced motion: the flow steps through whole depths.</span>
      )}
    </div>
  );
}
