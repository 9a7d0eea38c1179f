/**
 * Zoom with the wheel (about the pointer), pan by dragging, reset with a double click; the camera
 * holds the result. Plane coordinates come from the same pixel map the renderer uses.
 */
import type { RefObject } from 'react';
import { useEffect } from 'react';
import { pixelMap } from '../../core/viewport';
import type { Camera } from '../../render/camera';
import type { ViewRegion } from '../../app/viewRegion';

/** Zoom factor per wheel notch (100 pixels of deltaY). */
const WHEEL_ZOOM = 1.25;

export function useCanvasNavigation(
  ref: RefObject<HTMLCanvasElement | null>,
  camera: Camera,
  view: ViewRegion,
) {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const planeAt = (clientX: number, clientY: number) => {
      const auto = view.auto();
      const region = view.visible();
      if (!auto || !region) return null;
      const rect = canvas.getBoundingClientRect();
      const map = pixelMap(region, rect.width, rect.height);
      return {
        auto,
        scale: map.scale,
        x: (clientX - rect.left - map.offsetX) / map.scale,
        y: -(clientY - rect.top - map.offsetY) / map.scale,
      };
    };
    const onWheel = (event: WheelEvent) => {
      const at = planeAt(event.clientX, event.clientY);
      if (!at) return;
      event.preventDefault();
      camera.zoom(at.auto, WHEEL_ZOOM ** (-event.deltaY / 100), at.x, at.y);
    };
    let drag: { x: number; y: number } | null = null;
    const onDown = (event: PointerEvent) => {
      // While drawing own points, the left button draws instead of panning.
      if (event.button !== 0 || canvas.dataset.drawing === 'true') return;
      drag = { x: event.clientX, y: event.clientY };
      canvas.setPointerCapture(event.pointerId);
    };
    const onMove = (event: PointerEvent) => {
      if (!drag) return;
      const at = planeAt(event.clientX, event.clientY);
      if (!at) return;
      camera.pan(at.auto, -(event.clientX - drag.x) / at.scale, (event.clientY - drag.y) / at.scale);
      drag = { x: event.clientX, y: event.clientY };
    };
    const onUp = () => {
      drag = null;
    };
    const onDoubleClick = () => camera.reset();
    canvas.addEventListener('wheel', onWheel, { passive: false });
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    canvas.addEventListener('dblclick', onDoubleClick);
    return () => {
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('dblclick', onDoubleClick);
    };
  }, [ref, camera, view]);
}
