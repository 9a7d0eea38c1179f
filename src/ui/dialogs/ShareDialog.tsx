/**
 * The share link: the canonical link of the scenario, copied with one click; optionally with the
 * trained weights (float16, compressed) so that it opens on the trained network.
 */
import { useEffect, useState } from 'react';
import { encodeScenarioLink, MAX_LINK_LENGTH } from '../../scenario/link';
import { encodeTrainedState, LINK_SIZE_WARNING } from '../../scenario/trainedState';
import { useAppState, useServices } from '../services';
import { Dialog } from './Dialog';

/** The page's address without its fragment, where links point. */
function pageAddress(): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}`;
}

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  // The link is read only while the dialog is open, so that editing does not re-render it.
  const scenario = useAppState((s) => (open ? s.scenario : null));
  const { runs } = useServices();
  const control = runs.a.control;
  const [withWeights, setWithWeights] = useState(false);
  const [weights, setWeights] = useState<{ params: string; step: number } | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (!open || !withWeights) return;
    let cancelled = false;
    void control
      .exportState()
      .then(async (state) => ({ params: await encodeTrainedState(state), step: state.step }))
      .then(
        (result) => {
          if (!cancelled) setWeights(result);
        },
        // The worker was restarted meanwhile: ask the new one.
        () => {
          if (!cancelled) setWeights(null);
        },
      );
    return () => {
      cancelled = true;
    };
  }, [open, withWeights, control]);

  const base = scenario ? `${pageAddress()}#${encodeScenarioLink(scenario)}` : pageAddress();
  const link = withWeights && weights ? `${base}&${weights.params}` : base;
  const tooLong = link.length > MAX_LINK_LENGTH;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog
      open={open}
      onClose={() => {
        setCopied(null);
        onClose();
      }}
      title="Share this scenario"
    >
      <p>
        Anyone who opens this link gets the same data, the same initial weights and the same batches; on the
        same backend their losses match yours step for step.
      </p>
      <label className="share-link">
        <span className="visually-hidden">Share link</span>
        <input
          type="text"
          readOnly
          value={tooLong ? '' : link}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby="share-size"
        />
      </label>
      <div className="share-actions">
        <button
          type="button"
          className="primary"
          onClick={copy}
          disabled={tooLong || (withWeights && !weights)}
        >
          Copy link
        </button>
        <label className="flag">
          <input
            type="checkbox"
            checked={withWeights}
            onChange={(e) => setWithWeights(e.currentTarget.checked)}
          />
          Include the trained weights{weights ? ` (step ${weights.step})` : ''}
        </label>
      </div>
      <p id="share-size" className="field-hint" role="status">
        {copied === 'yes' && 'Copied to the clipboard. '}
        {copied === 'failed' && 'The browser did not allow copying: select the link and copy it by hand. '}
        {withWeights && !weights && 'Reading the weights… '}
        {`The link is ${(link.length / 1024).toFixed(1)} KB.`}
        {tooLong &&
          ` That is too large to embed the weights (the limit is ${MAX_LINK_LENGTH / 1024} KB): use fewer blocks or a smaller width, or share without weights.`}
        {!tooLong &&
          link.length > LINK_SIZE_WARNING &&
          ' Links over 8 KB may be cut by some chat and mail programs.'}
      </p>
    </Dialog>
  );
}
