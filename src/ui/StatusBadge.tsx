/**
 * Which backend trains, and how fast. The tooltip lists the backends passed over and why, and what
 * "auto" measured on this device (each backend's steps per second and why the chosen one won);
 * "Measure again" times them afresh.
 */
import { BACKEND_LABELS } from '../core/backends';
import type { BackendChoice } from '../state/store';
import { selectBackend, selectBackendChoice, selectLive, selectPlaying } from '../state/selectors';
import { formatNumber } from './format';
import { ENGINE_DETAILS, ENGINE_LABELS } from './controls/labels';
import { useAppState, useServices } from './services';

function measuredLines(choice: BackendChoice | null): string[] {
  if (!choice) return [];
  const lines = choice.results.map((r) =>
    r.stepsPerSecond === null
      ? `${BACKEND_LABELS[r.backend]}: not timed (${r.reason})`
      : `${BACKEND_LABELS[r.backend]}: ${Math.round(r.stepsPerSecond).toLocaleString('en')} steps/s measured`,
  );
  return [...lines, choice.reason];
}

export function StatusBadge() {
  const backend = useAppState(selectBackend);
  const choice = useAppState(selectBackendChoice);
  const live = useAppState(selectLive);
  const playing = useAppState(selectPlaying);
  const { backends } = useServices();
  if (!backend) return <span className="badge">starting…</span>;
  const details = [
    backend.detail && `adapter: ${backend.detail}`,
    ...backend.skipped.map((s) => `${BACKEND_LABELS[s.name]} not used: ${s.reason}`),
    ...measuredLines(choice),
  ].filter(Boolean);
  const rate = playing && live ? `${formatNumber(live.stepsPerSecond, 3)} steps/s` : 'paused';
  const engine = live ? ` · ${ENGINE_LABELS[live.engine]}` : '';
  if (live) details.push(ENGINE_DETAILS[live.engine]);
  return (
    <span className="badge-group">
      <span className="badge" title={details.join('\n')} data-testid="backend-badge">
        <strong>{BACKEND_LABELS[backend.name]}</strong>
        {engine} · {rate}
        {choice?.measuring && <span className="muted"> · measuring…</span>}
      </span>
      {choice && !choice.measuring && (
        <button
          type="button"
          className="icon measure-again"
          aria-label="Measure the backends again"
          title={`Measure the backends again.\n${details.join('\n')}`}
          onClick={() => backends.measureAgain()}
        >
          ↻
        </button>
      )}
    </span>
  );
}
