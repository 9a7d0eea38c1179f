/**
 * The built-in lessons, one data file each in lessons/ named by its link name (`lesson=NAME`), in
 * the order the list shows them. Each is read through restoreLesson like any other lesson; a test
 * holds every one to reading without a single notice.
 */
import type { Lesson } from './lesson';
import { restoreLesson } from './lessonRestore';
import continuousFlow from './lessons/continuous-flow.json' with { type: 'json' };
import displacementBias from './lessons/displacement-bias.json' with { type: 'json' };
import kineticPenalty from './lessons/kinetic-penalty.json' with { type: 'json' };
import leastActionAdapts from './lessons/least-action-adapts.json' with { type: 'json' };
import littleData from './lessons/little-data.json' with { type: 'json' };
import transportMap from './lessons/transport-map.json' with { type: 'json' };

/** The lesson files as written, in the order of the list. */
export const LESSON_FILES: readonly unknown[] = [
  transportMap,
  displacementBias,
  kineticPenalty,
  leastActionAdapts,
  continuousFlow,
  littleData,
];

/** The built-in lessons, read. */
export const BUILT_IN_LESSONS: readonly Lesson[] = LESSON_FILES.map(
  (file) => restoreLesson(file).lesson,
).filter((lesson): lesson is Lesson => lesson !== null);

/** A built-in lesson by its link name. */
export function findBuiltInLesson(id: string): Lesson | undefined {
  return BUILT_IN_LESSONS.find((lesson) => lesson.id === id);
}
