/**
 * The Share dialog's Embed tab: the iframe code for a course page or slides, in a few sizes, showing
 * the transport view alone or with the settings and metrics the scenario leaves visible.
 */
import { useId } from 'react';
import type { EmbedSize } from '../layout/embedLinks';
import { EMBED_SIZES } from '../layout/embedLinks';

export function EmbedTab({
  snippet,
  size,
  onSize,
  viewOnly,
  onViewOnly,
}: {
  snippet: string;
  size: EmbedSize;
  onSize(size: EmbedSize): void;
  viewOnly: boolean;
  onViewOnly(viewOnly: boolean): void;
}) {
  const id = useId();
  return (
    <>
      <p>
        Paste this into a course page or a learning platform: the frame shows the transport view with its play
        bar and depth, the caption, and a link to open the full page. Its keyboard shortcuts work while the
        frame has focus.
      </p>
      <label className="share-link">
        <span className="visually-hidden">Embed code</span>
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <fieldset className="field segmented embed-size">
        <legend className="field-label">Frame size</legend>
        <div className="segments" role="radiogroup">
          {(Object.keys(EMBED_SIZES) as EmbedSize[]).map((s) => (
            <label key={s} className={s === size ? 'segment selected' : 'segment'}>
              <input type="radio" name={id} value={s} checked={s === size} onChange={() => onSize(s)} />
              {EMBED_SIZES[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flag">
        <input type="checkbox" checked={viewOnly} onChange={(e) => onViewOnly(e.currentTarget.checked)} />
        Only the transport view (hide the settings and the metrics, lock the settings)
      </label>
    </>
  );
}
