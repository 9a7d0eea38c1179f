/**
 * Drawing own points on a transport canvas: click adds a point of the selected class, shift-click one
 * of the other class, dragging paints several (mouse, pen or one finger: Pointer Events), right-click
 * or a long press removes the nearest. A second finger turns the gesture into a pinch zoom (see
 * useCanvasNavigation) and takes back the point the first finger added if it had not painted yet.
 * Ctrl+Z / Ctrl+Shift+Z undo and redo. Active only while the data are the user's own.
 */
import type { RefObject } from 'react';
import { useEffect } from 'react';
import { pixelMap } from '../../core/viewport';
import type { AppServices } from '../services';

/** Painting adds a point every this many CSS pixels of movement. */
const PAINT_SPACING_PX = 12;
/** A press held this long without moving removes the nearest point (touch screens). */
const LONG_PRESS_MS = 600;
/** Points within this many CSS pixels of a removal are candidates. */
const REMOVE_RADIUS_PX = 14;

export function useDrawing(
  ref: RefObject<HTMLCanvasElement | null>,
  { store, view, points, depth }: Pick<AppServices, 'store' | 'view' | 'points' | 'depth'>,
) {
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const drawing = () =>
      store.getState().scenario.data === 'custom' && store.getState().scenario.lock !== 'on';
    const planeAt = (event: MouseEvent) => {
      const region = view.visible();
      if (!region) return null;
      const rect = canvas.getBoundingClientRect();
      const map = pixelMap(region, rect.width, rect.height);
      return {
        x: (event.clientX - rect.left - map.offsetX) / map.scale,
        y: -(event.clientY - rect.top - map.offsetY) / map.scale,
        pixel: 1 / map.scale,
      };
    };
    let stroke: { lastX: number; lastY: number; moved: boolean; label: number } | null = null;
    let pressTimer: ReturnType<typeof setTimeout> | null = null;
    const cancelPress = () => {
      if (pressTimer) clearTimeout(pressTimer);
      pressTimer = null;
    };
    const onDown = (event: PointerEvent) => {
      if (!drawing() || event.button !== 0) return;
      if (!event.isPrimary) {
        if (stroke && !stroke.moved) points.undo();
        cancelPress();
        stroke = null;
        return;
      }
      const at = planeAt(event);
      if (!at) return;
      event.preventDefault();
      depth.set(0);
      const selected = points.selectedClass();
      const label = event.shiftKey ? (selected === 0 ? 1 : 0) : selected;
      points.add(at.x, at.y, label);
      stroke = { lastX: event.clientX, lastY: event.clientY, moved: false, label };
      canvas.setPointerCapture(event.pointerId);
      pressTimer = setTimeout(() => {
        // A long press removes the nearest point (the point it just added, and then that one).
        if (!stroke || stroke.moved) return;
        points.undo();
        points.removeNearest(at.x, at.y, REMOVE_RADIUS_PX * at.pixel);
        stroke = null;
      }, LONG_PRESS_MS);
    };
    const onMove = (event: PointerEvent) => {
      if (!stroke || !drawing() || !event.isPrimary) return;
      if (Math.hypot(event.clientX - stroke.lastX, event.clientY - stroke.lastY) < PAINT_SPACING_PX) return;
      const at = planeAt(event);
      if (!at) return;
      stroke.moved = true;
      cancelPress();
      stroke.lastX = event.clientX;
      stroke.lastY = event.clientY;
      points.add(at.x, at.y, stroke.label);
    };
    const onUp = (event: PointerEvent) => {
      if (!event.isPrimary) return;
      cancelPress();
      stroke = null;
    };
    const onContextMenu = (event: MouseEvent) => {
      if (!drawing()) return;
      event.preventDefault();
      const at = planeAt(event);
      if (at) points.removeNearest(at.x, at.y, REMOVE_RADIUS_PX * at.pixel);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!drawing() || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
      event.preventDefault();
      if (event.shiftKey) points.redo();
      else points.undo();
    };
    canvas.addEventListener('pointerdown', onDown);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerup', onUp);
    canvas.addEventListener('pointercancel', onUp);
    canvas.addEventListener('contextmenu', onContextMenu);
    window.addEventListener('keydown', onKey);
    return () => {
      cancelPress();
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('contextmenu', onContextMenu);
      window.removeEventListener('keydown', onKey);
    };
  }, [ref, store, view, points, depth]);
}
