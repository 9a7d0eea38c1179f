/** The header's Lessons button, its list, and the panel of the lesson being followed (beside the page). */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { LessonList } from './LessonList';
import { LessonPlayer } from './LessonPlayer';
import { useLessonView } from './useLessonView';
import './lesson.css';

export function Lessons() {
  const [listOpen, setListOpen] = useState(false);
  const view = useLessonView();
  return (
    <>
      <button type="button" onClick={() => setListOpen(true)}>
        Lessons
      </button>
      <LessonList open={listOpen} onClose={() => setListOpen(false)} />
      {view && createPortal(<LessonPlayer key={view.lesson.id} view={view} />, document.body)}
    </>
  );
}
