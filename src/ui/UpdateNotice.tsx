/**
 * "A new version is ready": shown once the service worker has downloaded a new build. Nothing changes
 * until the user reloads through it (or closes every tab of the app), so a lesson in progress goes on.
 */
import { useState, useSyncExternalStore } from 'react';
import type { AppUpdates } from '../app/serviceWorker';

export function UpdateNotice({ updates }: { updates: AppUpdates }) {
  const ready = useSyncExternalStore(updates.subscribe, updates.ready);
  const [later, setLater] = useState(false);
  return (
    <div className="update-notice" role="status" aria-live="polite">
      {ready && !later && (
        <div className="notice">
          <span>A new version of Least Action Lab is ready.</span>
          <span className="notice-actions">
            <button type="button" className="primary" onClick={updates.apply}>
              Reload to update
            </button>
            <button type="button" onClick={() => setLater(true)}>
              Later
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
