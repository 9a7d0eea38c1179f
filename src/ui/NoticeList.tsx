/**
 * Messages for the user (fixed link values, fallbacks, divergence, errors), each dismissable; some
 * offer what to do about them (reset; lower the learning rate and reset).
 */
import { FIELDS } from '../scenario/schema';
import { selectNotices } from '../state/selectors';
import type { Notice, NoticeAction } from '../state/store';
import type { AppServices } from './services';
import { useAppState, useServices } from './services';

const ACTION_LABELS: Record<NoticeAction, string> = {
  reset: 'Reset',
  'lower-lr': 'Lower the learning rate and reset',
};

function runAction(action: NoticeAction, { store, runs }: AppServices): void {
  if (action === 'lower-lr') {
    const lr = store.getState().scenario.lr;
    store.getState().editScenario({ lr: Math.max(FIELDS.lr.min, Number((lr / 10).toPrecision(3))) });
  }
  runs.reset();
}

function NoticeItem({ notice }: { notice: Notice }) {
  const services = useServices();
  const dismiss = () => services.store.getState().dismissNotice(notice.id);
  return (
    <div className={`notice ${notice.tone}`}>
      <span>{notice.text}</span>
      <span className="notice-actions">
        {notice.actions?.map((action) => (
          <button
            key={action}
            type="button"
            onClick={() => {
              runAction(action, services);
              dismiss();
            }}
          >
            {ACTION_LABELS[action]}
          </button>
        ))}
        <button type="button" className="ghost" aria-label="Dismiss" onClick={dismiss}>
          ×
        </button>
      </span>
    </div>
  );
}

export function NoticeList() {
  const notices = useAppState(selectNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}
