/**
 * The link keys of a lesson being followed, beside the scenario's own: `lesson` (a built-in lesson's
 * name, or `~` and the lesson itself, compressed), `step` (1-based) and `answers` (`off` hides the
 * answers, for a class). Scenario links skip them; lessonLink.ts reads and writes them.
 */
export const LESSON_LINK_KEYS = ['lesson', 'step', 'answers'] as const;

/** Whether a link key belongs to the lesson rather than to the scenario. */
export function isLessonLinkKey(key: string): boolean {
  return (LESSON_LINK_KEYS as readonly string[]).includes(key);
}
