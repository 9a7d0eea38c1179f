/**
 * One thumbnail per depth (the input and the output of every block) with the block's kinetic energy;
 * clicking one jumps the main view to that depth.
 */
import { useEffect, useRef } from 'react';
import { createThumbnailRenderer } from '../../render/thumbnails';
import { createDeferral } from '../../render/frameLoop';
import { selectLive, shownBlocks } from '../../state/selectors';
import { formatNumber } from '../format';
import { useAppState, useServices } from '../services';

export function Thumbnails() {
  const { runs, loop, depth, view } = useServices();
  const frames = runs.a.frames;
  const live = useAppState(selectLive);
  const blocks = useAppState(shownBlocks);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const renderer = createThumbnailRenderer(frames);
    const list = listRef.current!;
    // Live collections: they follow React's changes to the list without a query per frame.
    const canvases = list.getElementsByTagName('canvas');
    const buttons = list.getElementsByTagName('button');
    const resize = new ResizeObserver(() => renderer.resized(canvases));
    resize.observe(list);
    let current = -1;
    let marked = 0;
    // Thumbnails can wait a frame when the main view took most of this one.
    const mayDraw = createDeferral();
    const remove = loop.add((now, spent) => {
      const frame = frames.current();
      if (!frame) return;
      if (mayDraw(now, spent)) renderer.draw(now, canvases, view.visible() ?? frame.region);
      const nearest = Math.round(Math.min(depth.depth(), buttons.length - 1));
      // Marked again when the depth moves, or when a rebuild changed the number of thumbnails.
      if (nearest !== current || buttons.length !== marked) {
        current = nearest;
        marked = buttons.length;
        for (let k = 0; k < buttons.length; k++)
          buttons[k].setAttribute('aria-current', String(k === nearest));
      }
    });
    return () => {
      remove();
      resize.disconnect();
    };
  }, [frames, loop, depth, view]);

  const energies = live?.energies ?? [];
  return (
    <ol className="thumbnails" data-tour="thumbnails" ref={listRef} aria-label="Depths">
      {Array.from({ length: blocks + 1 }, (_, k) => (
        <li key={k}>
          <button type="button" className="thumbnail" onClick={() => depth.set(k)}>
            <canvas aria-hidden="true" />
            <span className="visually-hidden">
              {k === 0 ? 'Show the input (depth 0)' : `Show depth ${k}, after block ${k}`}
            </span>
            <span className="thumbnail-label" aria-hidden="true">
              {k === 0 ? 'in' : k}
            </span>
            {k > 0 && (
              <span className="thumbnail-energy" aria-hidden="true">
                E {formatNumber(energies[k - 1], 2)}
              </span>
            )}
          </button>
        </li>
      ))}
    </ol>
  );
}
