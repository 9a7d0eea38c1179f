/**
 * Passing a lesson on: its JSON as a file (to edit and import again), and a link that opens it at
 * the current step, with or without the answers. A built-in lesson's link names it; any other lesson
 * travels in the link, compressed.
 */
import { useState } from 'react';
import type { LessonView } from '../../app/lessonSession';
import { lessonLink } from '../../scenario/lessonLink';
import { lessonToJson } from '../../scenario/lessonRestore';
import { download } from '../../app/exporting/download';
import { useServices } from '../services';

export function LessonSharing({ view }: { view: LessonView }) {
  const { store } = useServices();
  const [link, setLink] = useState<string | null>(null);
  const [withAnswers, setWithAnswers] = useState(view.answers);
  const makeLink = async (answers: boolean) => {
    const { hash, tooLong } = await lessonLink(view.lesson, view.index, answers, view.builtIn);
    if (tooLong) {
      store
        .getState()
        .notify('warning', ['This lesson is too long to travel in a link; export it as a file instead.']);
      setLink(null);
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    setLink(url);
    await navigator.clipboard?.writeText(url).catch(() => undefined);
  };
  return (
    <details className="lesson-sharing">
      <summary>Share or export this lesson</summary>
      <div className="lesson-sharing-body">
        <label className="flag">
          <input
            type="checkbox"
            checked={withAnswers}
            onChange={(e) => {
              setWithAnswers(e.currentTarget.checked);
              setLink(null);
            }}
          />
          Answers in the link
        </label>
        <div className="lesson-sharing-buttons">
          <button type="button" onClick={() => void makeLink(withAnswers)}>
            Copy the lesson link
          </button>
          <button
            type="button"
            onClick={() =>
              download(
                `${JSON.stringify(lessonToJson(view.lesson), null, 2)}\n`,
                `${view.lesson.id}.lesson.json`,
                'application/json',
              )
            }
          >
            Export JSON
          </button>
        </div>
        {link && (
          <input
            type="text"
            readOnly
            value={link}
            aria-label="Lesson link"
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </div>
    </details>
  );
}
