/** Which backend trains, and how fast. The tooltip lists backends that were passed over and why. */
import { BACKEND_LABELS } from '../core/backends';
import { selectBackend, selectLive, selectPlaying } from '../state/selectors';
import { formatNumber } from './format';
import { ENGINE_DETAILS, ENGINE_LABELS } from './controls/labels';
import { useAppState } from './services';

export function StatusBadge() {
  const backend = useAppState(selectBackend);
  const live = useAppState(selectLive);
  const playing = useAppState(selectPlaying);
  if (!backend) return <span className="badge">starting…</span>;
  const details = [
    backend.detail && `adapter: ${backend.detail}`,
    ...backend.skipped.map((s) => `${BACKEND_LABELS[s.name]} not used: ${s.reason}`),
  ].filter(Boolean);
  const rate = playing && live ? `${formatNumber(live.stepsPerSecond, 3)} steps/s` : 'paused';
  const engine = live ? ` · ${ENGINE_LABELS[live.engine]}` : '';
  if (live) details.push(ENGINE_DETAILS[live.engine]);
  return (
    <span className="badge" title={details.join('\n')} data-testid="backend-badge">
      <strong>{BACKEND_LABELS[backend.name]}</strong>
      {engine} · {rate}
    </span>
  );
}
