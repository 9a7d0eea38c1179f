/**
 * A column of the page (settings, metrics) as a labelled landmark whose failure to render is shown in
 * its place (PanelBoundary), with the test hook's fault point.
 */
import type { ReactNode } from 'react';
import { FaultPoint } from '../FaultPoint';
import { PanelBoundary } from '../PanelBoundary';

export function GuardedAside({
  panel,
  label,
  children,
}: {
  /** The class name and the fault point's name. */
  panel: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <aside className={panel} aria-label={label}>
      <PanelBoundary name={label}>
        <FaultPoint panel={panel} />
        {children}
      </PanelBoundary>
    </aside>
  );
}
