/** The keyboard shortcuts and how to move around the transport view. */
import { SHORTCUTS } from '../../app/shortcuts';
import { Dialog } from './Dialog';

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="shortcuts">
        {SHORTCUTS.map(({ keys, action }) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <p className="field-hint">
        In the transport view: scroll or pinch to zoom, drag (mouse or one finger) to pan, double-click or
        double-tap to reset the view.
      </p>
    </Dialog>
  );
}
