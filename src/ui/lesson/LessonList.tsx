/**
 * The list of lessons: the built-in ones, and a lesson of your own imported from a JSON file or
 * pasted as JSON or as a lesson link. What could not be read is said in notices.
 */
import { useId, useState } from 'react';
import type { Lesson, LessonRestoreResult } from '../../scenario/lesson';
import { decodeLessonData, parseLessonJson, readLessonParams } from '../../scenario/lessonLink';
import { BUILT_IN_LESSONS, findBuiltInLesson } from '../../scenario/lessons';
import { Dialog } from '../dialogs/Dialog';
import { useServices } from '../services';

/** A lesson from pasted text: JSON, a link with `lesson=…`, or the `~…` data alone. */
async function readLessonText(text: string): Promise<LessonRestoreResult & { builtIn: boolean }> {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return { ...parseLessonJson(trimmed), builtIn: false };
  if (trimmed.startsWith('~')) return { ...(await decodeLessonData(trimmed)), builtIn: false };
  const { params } = readLessonParams(trimmed.includes('lesson=') ? trimmed : `lesson=${trimmed}`);
  if (params?.lesson.startsWith('~')) return { ...(await decodeLessonData(params.lesson)), builtIn: false };
  const builtIn = params ? findBuiltInLesson(params.lesson) : undefined;
  if (builtIn) return { lesson: builtIn, notices: [], builtIn: true };
  return {
    lesson: null,
    notices: ['The text is neither lesson JSON nor a lesson link; nothing was opened.'],
    builtIn: false,
  };
}

export function LessonList({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { store, lessons } = useServices();
  const [pasted, setPasted] = useState('');
  const pasteId = useId();
  const start = (lesson: Lesson, builtIn: boolean) => {
    lessons.start(lesson, { builtIn });
    onClose();
  };
  const openRead = ({ lesson, notices, builtIn }: LessonRestoreResult & { builtIn: boolean }) => {
    if (notices.length > 0) store.getState().notify(lesson ? 'warning' : 'error', notices);
    if (lesson) start(lesson, builtIn);
  };
  return (
    <Dialog open={open} onClose={onClose} title="Lessons" wide>
      <p>
        Each lesson tells one idea of the least-action paper step by step on the live lab: it opens the runs,
        shows what to look at, and checks the tasks as you do them.
      </p>
      <ul className="lesson-list">
        {BUILT_IN_LESSONS.map((lesson) => (
          <li key={lesson.id} className="lesson-card">
            <h3>{lesson.title}</h3>
            <p>{lesson.summary}</p>
            <p className="muted">{lesson.steps.length} steps</p>
            <button
              type="button"
              className="primary"
              onClick={() => start(lesson, true)}
              aria-label={`Start the lesson ${lesson.title}`}
            >
              Start
            </button>
          </li>
        ))}
      </ul>
      <section className="lesson-import" aria-labelledby={`${pasteId}-heading`}>
        <h3 id={`${pasteId}-heading`}>A lesson of your own</h3>
        <p className="muted">
          Export a lesson from its panel to get a file to start from; the README describes the format.
        </p>
        <input
          type="file"
          accept=".json,application/json"
          aria-label="Import a lesson (JSON file)"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void file.text().then((text) => openRead({ ...parseLessonJson(text), builtIn: false }));
          }}
        />
        <label htmlFor={pasteId}>Or paste a lesson's JSON or link</label>
        <textarea id={pasteId} rows={3} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} />
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() => void readLessonText(pasted).then(openRead)}
        >
          Open the pasted lesson
        </button>
      </section>
    </Dialog>
  );
}
