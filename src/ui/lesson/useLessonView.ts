/** The lesson being followed, for components: re-renders when the session changes (never per frame). */
import { useSyncExternalStore } from 'react';
import type { LessonView } from '../../app/lessonSession';
import { useServices } from '../services';

export function useLessonView(): LessonView | null {
  const { lessons } = useServices();
  return useSyncExternalStore(lessons.subscribe, lessons.view);
}
