/**
 * Your own data: the class new points get, undo, redo, clear, and how to draw. Shown while the data are
 * the user's own; otherwise a button starts drawing, empty or from the current data.
 */
import { useSyncExternalStore } from 'react';
import { classColor } from '../../core/palette';
import { MAX_OWN_CLASSES, MAX_OWN_POINTS, decodePoints } from '../../core/points';
import { untrainableReason } from '../../scenario/runConfig';
import { useScenarioFields, useServices } from '../services';

export function DrawBar() {
  const scenario = useScenarioFields('data', 'lock', 'pts');
  const { points, runs, depth } = useServices();
  const version = useSyncExternalStore(
    points.subscribe,
    () => `${points.selectedClass()}${points.canUndo()}${points.canRedo()}`,
  );
  if (scenario.lock === 'on') return null;
  if (scenario.data !== 'custom') {
    return (
      <div className="draw-bar">
        <button
          type="button"
          className="chip-toggle"
          onClick={() => {
            const frame = runs.a.frames.current();
            if (frame)
              points.replace(
                frame.views.trainPositions.subarray(0, frame.layout.trainPoints * 2),
                frame.run.trainLabels,
              );
            depth.set(0);
          }}
        >
          Draw your own points
        </button>
      </div>
    );
  }
  const count = decodePoints(scenario.pts)?.y.length ?? 0;
  const problem = untrainableReason(scenario);
  return (
    <div className="draw-bar" data-version={version}>
      <span className="muted">Class:</span>
      <span role="radiogroup" aria-label="Class of new points" className="class-picker">
        {Array.from({ length: MAX_OWN_CLASSES }, (_, c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={points.selectedClass() === c}
            aria-label={`class ${c + 1}`}
            className="class-swatch"
            style={{ background: classColor(c) }}
            onClick={() => points.selectClass(c)}
          />
        ))}
      </span>
      <button type="button" onClick={points.undo} disabled={!points.canUndo()}>
        Undo
      </button>
      <button type="button" onClick={points.redo} disabled={!points.canRedo()}>
        Redo
      </button>
      <button type="button" onClick={points.clear} disabled={count === 0}>
        Clear all
      </button>
      <span className="muted" data-testid="own-count">
        {count} / {MAX_OWN_POINTS} points
      </span>
      <p className="field-hint draw-help">
        Click to add a point of the chosen class, shift-click for another class, drag to paint; right-click or
        press and hold to remove the nearest. {problem}
      </p>
    </div>
  );
}
