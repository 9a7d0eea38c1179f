/**
 * Throws while a test has asked this panel to fail (window.__lab.injectRenderError), so that the
 * panel's error boundary can be seen at work; renders nothing otherwise.
 */
import { useAppState } from './services';

export function FaultPoint({ panel }: { panel: string }) {
  const failing = useAppState((s) => s.faults.includes(panel));
  if (failing) throw new Error(`A simulated failure of the ${panel} panel (test hook).`);
  return null;
}
