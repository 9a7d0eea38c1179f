/**
 * Sharing: the canonical link of the scenario, or the iframe code that embeds it in another page,
 * copied with one click; optionally with the trained weights (float16, compressed) so that the link
 * opens on the trained network.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useState } from 'react';
import { encodeScenarioLink, MAX_LINK_LENGTH } from '../../scenario/link';
import { encodeTrainedState, LINK_SIZE_WARNING } from '../../scenario/trainedState';
import type { EmbedSize } from '../layout/embedLinks';
import { embeddedScenario, iframeSnippet, pageAddress } from '../layout/embedLinks';
import { useAppState, useServices } from '../services';
import { Dialog } from './Dialog';
import { EmbedTab } from './EmbedTab';

const TABS = { link: 'Link', embed: 'Embed' } as const;
type Tab = keyof typeof TABS;

export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  // The link is read only while the dialog is open, so that editing does not re-render it.
  const scenario = useAppState((s) => (open ? s.scenario : null));
  const { runs } = useServices();
  const control = runs.a.control;
  const [tab, setTab] = useState<Tab>('link');
  const [size, setSize] = useState<EmbedSize>('640x480');
  const [viewOnly, setViewOnly] = useState(true);
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

  const shared = scenario && tab === 'embed' ? embeddedScenario(scenario, viewOnly) : scenario;
  const base = shared ? `${pageAddress()}#${encodeScenarioLink(shared)}` : pageAddress();
  const link = withWeights && weights ? `${base}&${weights.params}` : base;
  const tooLong = link.length > MAX_LINK_LENGTH;
  const snippet = iframeSnippet(link, size, scenario?.caption ?? '');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(tab === 'embed' ? snippet : link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  const choose = (next: Tab) => {
    setTab(next);
    setCopied(null);
  };
  // Arrow keys move between the tabs, as in every tab list.
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next = tab === 'link' ? 'embed' : 'link';
    choose(next);
    document.getElementById(`share-tab-${next}`)?.focus();
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
      <div className="share-tabs" role="tablist" aria-label="Share as" onKeyDown={onTabKey}>
        {(Object.keys(TABS) as Tab[]).map((t) => (
          <button
            key={t}
            id={`share-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={t === tab}
            aria-controls="share-panel"
            tabIndex={t === tab ? 0 : -1}
            onClick={() => choose(t)}
          >
            {TABS[t]}
          </button>
        ))}
      </div>
      <div id="share-panel" role="tabpanel" aria-labelledby={`share-tab-${tab}`}>
        {tab === 'link' ? (
          <>
            <p>
              Anyone who opens this link gets the same data, the same initial weights and the same batches; on
              the same backend their losses match yours step for step.
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
          </>
        ) : (
          <EmbedTab
            snippet={tooLong ? '' : snippet}
            size={size}
            onSize={setSize}
            viewOnly={viewOnly}
            onViewOnly={setViewOnly}
          />
        )}
        <div className="share-actions">
          <button
            type="button"
            className="primary"
            onClick={copy}
            disabled={tooLong || (withWeights && !weights)}
          >
            {tab === 'embed' ? 'Copy code' : 'Copy link'}
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
      </div>
      <p id="share-size" className="field-hint" role="status">
        {copied === 'yes' && 'Copied to the clipboard. '}
        {copied === 'failed' &&
          `The browser did not allow copying: select the ${tab === 'embed' ? 'code' : 'link'} and copy it by hand. `}
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
