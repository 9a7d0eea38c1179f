/**
 * The canvas's text alternative: a short summary of the run (step, loss, accuracies, C) in a polite
 * live region, refreshed at most every few seconds so that a screen reader is not flooded.
 */
import { useEffect, useState } from 'react';
import { selectLive, selectPlaying } from '../state/selectors';
import { formatNumber, formatPercent } from './format';
import { useAppState } from './services';

/** The summary changes at most this often while training. */
const SUMMARY_INTERVAL_MS = 5000;

export function LiveSummary({ id }: { id: string }) {
  const live = useAppState(selectLive);
  const playing = useAppState(selectPlaying);
  const [text, setText] = useState('The network has not been trained yet.');
  const [updatedAt, setUpdatedAt] = useState(0);
  useEffect(() => {
    if (!live) return;
    const wait = playing ? Math.max(0, updatedAt + SUMMARY_INTERVAL_MS - Date.now()) : 0;
    const timer = setTimeout(() => {
      setText(
        `Step ${live.step}: training loss ${formatNumber(live.trainLoss)}, training accuracy ${formatPercent(live.trainAccuracy)}, ` +
          `test accuracy ${formatPercent(live.testAccuracy)}, kinetic cost ${formatNumber(live.kineticCost)}.`,
      );
      setUpdatedAt(Date.now());
    }, wait);
    return () => clearTimeout(timer);
  }, [live, playing, updatedAt]);
  return (
    <p id={id} className="visually-hidden" aria-live="polite" data-testid="live-summary">
      {text}
    </p>
  );
}
