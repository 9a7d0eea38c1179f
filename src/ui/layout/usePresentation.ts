/**
 * The presentation: the transport view fills the screen with a slim bar. It starts from the Present
 * button and ends with its Leave button or the Escape key (unless a dialog takes the key first).
 */
import { useCallback, useEffect, useState } from 'react';

export function usePresentation() {
  const [presenting, setPresenting] = useState(false);
  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      setPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting]);
  return {
    presenting,
    present: useCallback(() => setPresenting(true), []),
    leave: useCallback(() => setPresenting(false), []),
  };
}
