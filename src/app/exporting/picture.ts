/**
 * A PNG of the transport view as it is now, at the screen's resolution or twice it: the view is drawn
 * again into a canvas of that size (inside the page, so that the theme's colours apply).
 */
import type { TransportView } from '../../render/transportRenderer';
import { createTransportRenderer } from '../../render/transportRenderer';
import { RenderStats } from '../../render/renderStats';
import type { FrameSource } from '../../render/frameSource';

export async function transportPicture(
  frames: FrameSource,
  view: TransportView,
  host: HTMLElement,
  size: { width: number; height: number },
  scale: 1 | 2,
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.hidden = true;
  host.append(canvas);
  try {
    const ratio = (window.devicePixelRatio || 1) * scale;
    const pixels = { width: Math.round(size.width * ratio), height: Math.round(size.height * ratio), ratio };
    createTransportRenderer(canvas, frames, new RenderStats(1), pixels).draw(view);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The picture could not be made.'))),
        'image/png',
      ),
    );
  } finally {
    canvas.remove();
  }
}
