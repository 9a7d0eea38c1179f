/**
 * Zoom with the wheel (about the pointer) or with two fingers, pan by dragging with one pointer
 * (mouse, pen or finger; in drawing mode one pointer draws instead), reset with a double click or a
 * double tap; the camera holds the result. Pointer Events give mouse, pen and touch one code path.
 * Plane coordinates come from the same pixel map the renderer uses.
 */
import type { RefObject } from 'react';
import { useEffect } from 'react';
import type { PlaneRegion } from '../../core/viewport';
import { pixelMap } from '../../core/viewport';
import type { Camera, PlanePoint } from '../../render/camera';
import { pinchRegion } from '../../render/camera';
import type { ViewRegion } from '../../app/viewRegion';

/** Zoom factor per wheel notch (100 pixels of deltaY). */
const WHEEL_ZOOM = 1.25;
/** Two taps this close in time (ms) and space (CSS pixels) are a double tap. */
const DOUBLE_TAP_MS = 350;
const DOUBLE_TAP_PX = 30;
/** A touch that moves less than this (CSS pixels) is a tap. */
const TAP_SLOP_PX = 10;

interface Pinch {
  auto: PlaneRegion;
  start: PlaneRegion;
  ids: [number, number];
  grabbed: [PlanePoint, PlanePoint];
}

export function useCanvasNavigation(
  ref: RefObject<HTMLCanvasElement | null>,
  camera: Camera,
  view: ViewRegion,
) {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const toPlane = (region: PlaneRegion, clientX: number, clientY: number) => {
      const rect = canvas.getBoundingClientRect();
      const map = pixelMap(region, rect.width, rect.height);
      return {
        scale: map.scale,
        x: (clientX - rect.left - map.offsetX) / map.scale,
        y: -(clientY - rect.top - map.offsetY) / map.scale,
      };
    };
    const planeAt = (clientX: number, clientY: number) => {
      const auto = view.auto();
      const region = view.visible();
      if (!auto || !region) return null;
      return { auto, ...toPlane(region, clientX, clientY) };
    };
    const onWheel = (event: WheelEvent) => {
      const at = planeAt(event.clientX, event.clientY);
      if (!at) return;
      event.preventDefault();
      camera.zoom(at.auto, WHEEL_ZOOM ** (-event.deltaY / 100), at.x, at.y);
    };

    // Every pointer on the canvas, by id: where it is now and where it went down.
    const pointers = new Map<number, { x: number; y: number; downX: number; downY: number }>();
    let drag: { id: number; x: number; y: number } | null = null;
    let pinch: Pinch | null = null;
    let pinched = false;
    let lastTap: { at: number; x: number; y: number } | null = null;
    const drawing = () => canvas.dataset.drawing === 'true';

    const startPinch = () => {
      const auto = view.auto();
      const start = view.visible();
      if (!auto || !start) return;
      const [[ida, a], [idb, b]] = [...pointers.entries()];
      const pa = toPlane(start, a.x, a.y);
      const pb = toPlane(start, b.x, b.y);
      pinch = { auto, start, ids: [ida, idb], grabbed: [pa, pb] };
      pinched = true;
      drag = null;
    };
    const onDown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      pointers.set(event.pointerId, {
        x: event.clientX,
        y: event.clientY,
        downX: event.clientX,
        downY: event.clientY,
      });
      canvas.setPointerCapture(event.pointerId);
      if (pointers.size === 1) {
        pinched = false;
        // While drawing own points, one pointer draws instead of panning.
        if (!drawing()) drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
      } else if (pointers.size === 2) startPinch();
    };
    const onMove = (event: PointerEvent) => {
      const pointer = pointers.get(event.pointerId);
      if (!pointer) return;
      pointer.x = event.clientX;
      pointer.y = event.clientY;
      if (pinch) {
        const a = pointers.get(pinch.ids[0]);
        const b = pointers.get(pinch.ids[1]);
        if (!a || !b) return;
        const now: [PlanePoint, PlanePoint] = [
          toPlane(pinch.start, a.x, a.y),
          toPlane(pinch.start, b.x, b.y),
        ];
        camera.show(pinch.auto, pinchRegion(pinch.start, pinch.grabbed, now));
        return;
      }
      if (!drag || drag.id !== event.pointerId) return;
      const at = planeAt(event.clientX, event.clientY);
      if (!at) return;
      camera.pan(at.auto, -(event.clientX - drag.x) / at.scale, (event.clientY - drag.y) / at.scale);
      drag = { id: event.pointerId, x: event.clientX, y: event.clientY };
    };
    const isTap = (event: PointerEvent) => {
      const pointer = pointers.get(event.pointerId);
      return (
        event.pointerType !== 'mouse' &&
        !pinched &&
        pointer !== undefined &&
        Math.hypot(pointer.x - pointer.downX, pointer.y - pointer.downY) < TAP_SLOP_PX
      );
    };
    const onUp = (event: PointerEvent) => {
      // A double tap resets the view, except while drawing, where taps add points.
      if (event.type === 'pointerup' && isTap(event) && !drawing()) {
        const now = event.timeStamp;
        if (
          lastTap &&
          now - lastTap.at < DOUBLE_TAP_MS &&
          Math.hypot(event.clientX - lastTap.x, event.clientY - lastTap.y) < DOUBLE_TAP_PX
        ) {
          camera.reset();
          lastTap = null;
        } else lastTap = { at: now, x: event.clientX, y: event.clientY };
      }
      pointers.delete(event.pointerId);
      if (pinch?.ids.includes(event.pointerId)) pinch = null;
      if (drag?.id === event.pointerId) drag = null;
      if (!pinch && pointers.size >= 2) startPinch();
      else if (!pinch && pointers.size === 1 && !drawing()) {
        // The finger left after a pinch pans on from where it is, without a jump.
        const [[id, rest]] = [...pointers.entries()];
        drag = { id, x: rest.x, y: rest.y };
      }
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
