/**
 * One run's transport canvas, drawn by render/transportRenderer in the page's frame loop at the
 * shared depth and on the shared axes. React mounts the canvas once; drawing bypasses React.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createTransportRenderer } from '../../render/transportRenderer';
import { CHOICE_LABELS } from '../controls/labels';
import type { RunChannel } from '../../app/run';
import { useScenarioFields, useServices } from '../services';
import { useDrawing } from '../draw/useDrawing';
import { useCanvasNavigation } from './useCanvasNavigation';

import { useReducedMotion } from './useReducedMotion';
import { emptyViewSettings, fillViewSettings } from '../../app/viewSettings';

export function TransportCanvas({ channel, label }: { channel: RunChannel; label: string | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const services = useServices();
  const { loop, store, camera, view, renderStats } = services;
  const scenario = useScenarioFields('data', 'lock', 'K', 'caption');
  // While the data are the user's own (and not locked), the canvas draws points.
  const drawing = scenario.data === 'custom' && scenario.lock !== 'on';
  const reducedMotion = useReducedMotion();
  const moved = useSyncExternalStore(camera.subscribe, camera.isMoved);
  useCanvasNavigation(canvasRef, camera, view);
  useDrawing(canvasRef, services);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const renderer = createTransportRenderer(canvas, channel.frames, renderStats);
    const resize = new ResizeObserver(([entry]) =>
      renderer.invalidate({ width: entry.contentRect.width, height: entry.contentRect.height }),
    );
    resize.observe(canvas);
    const themeChange = window.matchMedia('(prefers-color-scheme: dark)');
    const onTheme = () => renderer.invalidate();
    themeChange.addEventListener('change', onTheme);
    const unsubscribeStore = store.subscribe((state, previous) => {
      if (state.theme !== previous.theme) requestAnimationFrame(() => renderer.invalidate());
    });
    const settings = emptyViewSettings();
    const remove = loop.add(() => {
      fillViewSettings(settings, services, channel.id);
      renderer.draw(settings);
    });
    return () => {
      remove();
      resize.disconnect();
      themeChange.removeEventListener('change', onTheme);
      unsubscribeStore();
    };
  }, [channel, loop, store, renderStats, services]);

  return (
    <div className="canvas-frame">
      <canvas
        ref={canvasRef}
        className="transport-canvas"
        data-run={channel.id}
        data-drawing={drawing}
        role="img"
        aria-describedby="transport-summary"
        aria-label={`${label ? `${label}. ` : ''}${CHOICE_LABELS.data[scenario.data]}: training and test points carried through ${scenario.K} residual blocks. Scroll or pinch to zoom, drag to pan, double-click or double-tap to reset the view.`}
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
