/**
 * The lesson panel: the step's title and text, its task ticking live, its question with the answer
 * behind a button, progress, previous and next. It sits beside the lab (at the bottom on a phone, at
 * the side on a wide screen, in large type in classroom mode) and leaves every control usable; the
 * parts the step names are lit up and announced.
 */
import type { RefObject } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LessonView } from '../../app/lessonSession';
import { LESSON_TARGETS } from '../../scenario/lessonTargets';
import { selectScenario } from '../../state/selectors';
import { useAppState, useServices } from '../services';
import { LessonSharing } from './LessonSharing';
import { MathText } from './MathText';
import { useLessonKeys } from './useLessonKeys';
import { useSpotlight } from './useSpotlight';

/** Keeps the page's room for the panel (its height on a phone) in a custom property. */
function usePanelRoom(panel: RefObject<HTMLElement | null>, classroom: boolean): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add('lesson-open');
    root.classList.toggle('lesson-classroom', classroom);
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--lesson-height', `${panel.current?.offsetHeight ?? 0}px`);
    });
    if (panel.current) observer.observe(panel.current);
    return () => {
      observer.disconnect();
      root.classList.remove('lesson-open', 'lesson-classroom');
      root.style.removeProperty('--lesson-height');
    };
  }, [panel, classroom]);
}

function TaskBox({ view }: { view: LessonView }) {
  const task = view.lesson.steps[view.index].task;
  if (!task) return null;
  const done = view.done[view.index];
  const unavailable = !done && view.task?.state === 'unavailable';
  return (
    <div className={done ? 'lesson-task done' : 'lesson-task'} data-testid="lesson-task">
      <span className="lesson-task-mark" aria-hidden="true">
        {done ? '✓' : '○'}
      </span>
      <div>
        <p className="lesson-task-text">
          <span className="visually-hidden">{done ? 'Task done: ' : 'Task: '}</span>
          {task.text}
        </p>
        {!done && view.task?.reading && <p className="lesson-task-reading">{view.task.reading}</p>}
        {unavailable && (
          <p className="lesson-task-reading">This task needs a part of the app this version does not have.</p>
        )}
      </div>
    </div>
  );
}

function QuestionBox({ view }: { view: LessonView }) {
  const question = view.lesson.steps[view.index].question;
  const [shown, setShown] = useState(false);
  const answerId = useId();
  if (!question) return null;
  return (
    <div className="lesson-question">
      <p className="lesson-question-label">Question</p>
      <MathText text={question.text} />
      {view.answers ? (
        <>
          <button
            type="button"
            aria-expanded={shown}
            aria-controls={answerId}
            onClick={() => setShown((s) => !s)}
          >
            {shown ? 'Hide the answer' : 'Show the answer'}
          </button>
          <div id={answerId} hidden={!shown} className="lesson-answer">
            <MathText text={question.answer} />
          </div>
        </>
      ) : (
        <p className="muted">The answers are hidden for this class.</p>
      )}
    </div>
  );
}

export function LessonPlayer({ view }: { view: LessonView }) {
  const { lessons } = useServices();
  const { class: classroom } = useAppState(selectScenario);
  const panelRef = useRef<HTMLElement>(null);
  const [collapsed, setCollapsed] = useState(false);
  const step = view.lesson.steps[view.index];
  const count = view.lesson.steps.length;
  const stepKey = `${view.lesson.id}:${view.index}`;
  const highlight = useMemo(() => (collapsed ? [] : step.highlight), [collapsed, step.highlight]);
  const missing = useSpotlight(highlight, stepKey);
  usePanelRoom(panelRef, classroom === 'on');
  useLessonKeys(lessons, true);

  const looks = step.highlight.filter((name) => !missing.includes(name)).map((name) => LESSON_TARGETS[name]);
  const announcement = `Step ${view.index + 1} of ${count}: ${step.title}.${looks.length > 0 ? ` Look at ${looks.join(', ')}.` : ''}`;
  const taskDone = view.done[view.index];
  // The live region says the step and what to look at, then that the task is done when it is.
  const spoken = taskDone && step.task ? `Task done: ${step.task.text}` : announcement;

  return (
    <aside
      ref={panelRef}
      className={`lesson-panel${classroom === 'on' ? ' classroom' : ''}${collapsed ? ' collapsed' : ''}`}
      aria-label={`Lesson: ${view.lesson.title}`}
      data-testid="lesson-panel"
    >
      <header className="lesson-header">
        <div>
          <p className="lesson-progress" data-testid="lesson-progress">
            Step {view.index + 1} of {count}
          </p>
          <p className="lesson-title">{view.lesson.title}</p>
        </div>
        <div className="lesson-header-tools">
          <button
            type="button"
            className="ghost icon"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Show the lesson' : 'Fold the lesson away'}
            onClick={() => setCollapsed((c) => !c)}
          >
            <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
          </button>
          <button type="button" className="ghost icon" aria-label="Close the lesson" onClick={lessons.close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>
      {!collapsed && (
        <div className="lesson-body">
          <ol className="lesson-dots" aria-label="Steps">
            {view.lesson.steps.map((s, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={`lesson-dot${i === view.index ? ' current' : ''}${view.done[i] ? ' done' : ''}`}
                  aria-current={i === view.index ? 'step' : undefined}
                  aria-label={`Step ${i + 1}: ${s.title}${view.done[i] ? ' (task done)' : ''}`}
                  onClick={() => lessons.go(i)}
                />
              </li>
            ))}
          </ol>
          <h2 className="lesson-step-title">{step.title}</h2>
          <MathText text={step.text} className="lesson-text" />
          {missing.length > 0 && (
            <p className="lesson-missing">
              Not shown on this page now: {missing.map((name) => LESSON_TARGETS[name]).join(', ')}.
            </p>
          )}
          <TaskBox view={view} />
          <QuestionBox key={stepKey} view={view} />
          {step.open !== null && (
            <button type="button" className="ghost lesson-restart" onClick={lessons.restartStep}>
              Start this step's run again
            </button>
          )}
          <LessonSharing view={view} />
        </div>
      )}
      <footer className="lesson-footer">
        <button type="button" onClick={lessons.prev} disabled={view.index === 0}>
          ← Previous
        </button>
        <span className="muted" aria-hidden="true">
          {view.index + 1} / {count}
        </span>
        <button type="button" className="primary" onClick={lessons.next} disabled={view.index === count - 1}>
          Next →
        </button>
      </footer>
      <div className="visually-hidden" aria-live="polite" data-testid="lesson-announcer">
        {spoken}
      </div>
    </aside>
  );
}
