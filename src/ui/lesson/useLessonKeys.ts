/**
 * Keys for the lesson: PageDown or ] for the next step, PageUp or [ for the previous one (a
 * presenter's clicker sends PageUp and PageDown). Like the lab's shortcuts they are left to fields
 * that use keys and ignored with a modifier held or a dialog open.
 */
import { useEffect } from 'react';
import type { LessonSession } from '../../app/lessonSession';
import { ownsKeys } from '../../app/shortcuts';

export function useLessonKeys(session: LessonSession, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (ownsKeys(event.target, event.key) || document.querySelector('dialog[open]')) return;
      if (event.key === 'PageDown' || event.key === ']') session.next();
      else if (event.key === 'PageUp' || event.key === '[') session.prev();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session, active]);
}
