/** Messages for the user (fixed link values, fallbacks, divergence, errors), each dismissable. */
import { selectNotices } from '../state/selectors';
import { useAppState, useServices } from './services';

export function NoticeList() {
  const notices = useAppState(selectNotices);
  const { store } = useServices();
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`}>
          <span>{n.text}</span>
          <button
            type="button"
            className="ghost"
            aria-label="Dismiss"
            onClick={() => store.getState().dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
