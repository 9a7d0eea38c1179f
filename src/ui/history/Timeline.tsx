/**
 * The training-time scrubber: a timeline of the run's kept training steps (log or linear axis) with
 * a mark wherever a setting was changed live. Moving it shows the whole view at that step (computed
 * in the worker from the checkpoint); "Back to live" returns to the training as it goes on. The
 * replay plays the history as an animation. Charts select the same step in view (hover, tap).
 */
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import type { StepAxis } from '../../app/stepAxis';
import { nearestStep, shareOf, stepAt } from '../../app/stepAxis';
import { formatStep } from '../../charts/lineChart';
import { useServices } from '../services';

/** Positions of the timeline's slider. */
const POSITIONS = 1000;
const REPLAY_SECONDS = [5, 10, 20, 40];

/** Re-renders on every change of `subscribe`'s source. */
function useChanges(subscribe: (listener: () => void) => () => void): void {
  const source = useMemo(() => {
    let version = 0;
    return {
      subscribe: (listener: () => void) =>
        subscribe(() => {
          version++;
          listener();
        }),
      version: () => version,
    };
  }, [subscribe]);
  useSyncExternalStore(source.subscribe, source.version);
}

export function Timeline() {
  const { runs, steps, replay, opening } = useServices();
  const past = runs.a.past;
  useChanges(past.subscribe);
  useChanges(steps.subscribe);
  useChanges(opening.subscribe);
  const toOpen = opening.progress();
  const replaying = useSyncExternalStore(replay.subscribe, replay.playing);
  const [axis, setAxis] = useState<StepAxis>('log');
  const [seconds, setSeconds] = useState(10);
  const id = useId();

  const kept = past.steps();
  const changes = past.changes();
  const last = kept.at(-1) ?? 0;
  const shown = steps.shown();
  const pinned = steps.pinned();
  const ready = kept.length >= 2;
  const position = shown === null ? POSITIONS : Math.round(POSITIONS * shareOf(shown, last, axis));
  const viewedStep = past.shownStep() ?? shown;

  const scrub = (value: number) => {
    if (!ready) return;
    replay.stop();
    steps.pin(nearestStep(kept, stepAt(value / POSITIONS, last, axis)));
  };
  // Keys move from kept step to kept step (positions would round back to the same step).
  const keyMoves: Record<string, number> = {
    ArrowLeft: -1,
    ArrowDown: -1,
    ArrowRight: 1,
    ArrowUp: 1,
    PageDown: -10,
    PageUp: 10,
  };
  const onKey = (key: string): boolean => {
    if (!ready) return false;
    const at = shown === null ? kept.length - 1 : kept.indexOf(nearestStep(kept, shown));
    const target =
      key === 'Home' ? 0 : key === 'End' ? kept.length - 1 : key in keyMoves ? at + keyMoves[key] : null;
    if (target === null) return false;
    replay.stop();
    steps.pin(kept[Math.min(kept.length - 1, Math.max(0, target))]);
    return true;
  };

  return (
    <section className={shown === null ? 'timeline' : 'timeline viewing'} aria-label="Training history">
      <div className="timeline-row">
        <button
          type="button"
          aria-pressed={replaying}
          disabled={!ready}
          onClick={() => (replaying ? replay.stop() : replay.start({ seconds, axis }))}
        >
          {replaying ? '■ Stop' : '▶ Replay'}
        </button>
        <p className="timeline-state" role="status" data-testid="timeline-state">
          {toOpen ? (
            <>
              <strong>Opening at step {toOpen.target.toLocaleString('en-US')}</strong>
              {`: training there (step ${toOpen.step.toLocaleString('en-US')})`}
              <progress value={toOpen.step} max={toOpen.target} aria-label="Training to the step asked for" />
            </>
          ) : shown === null ? (
            <>
              <strong>Live</strong>
              {opening.reached() !== null && opening.reached() === past.liveStep()
                ? ` · paused at step ${opening.reached()!.toLocaleString('en-US')}, as the link asks`
                : ready
                  ? ' · drag the timeline to see an earlier step'
                  : ' · the history fills as it trains'}
            </>
          ) : (
            <>
              <strong>Viewing step {viewedStep?.toLocaleString('en-US')}</strong>
              {' of the training history'}
            </>
          )}
        </p>
        {pinned !== null && (
          <button
            type="button"
            className="back-to-live"
            onClick={() => {
              replay.stop();
              steps.pin(null);
            }}
          >
            Back to live
          </button>
        )}
      </div>
      <div className="timeline-track">
        <input
          id={id}
          type="range"
          min={0}
          max={POSITIONS}
          step={1}
          value={position}
          disabled={!ready}
          aria-label="training step in view"
          aria-valuetext={shown === null ? 'live' : `step ${viewedStep}`}
          onChange={(e) => scrub(Number(e.currentTarget.value))}
          onKeyDown={(e) => {
            if (onKey(e.key)) e.preventDefault();
          }}
        />
        <div className="timeline-marks" aria-hidden="true">
          {changes.map((step) => (
            <span
              key={step}
              className="timeline-mark"
              style={{ left: `${100 * shareOf(step, last, axis)}%` }}
              title={`A setting changed at step ${step}`}
            />
          ))}
        </div>
        <div className="timeline-ends" aria-hidden="true">
          <span>step {formatStep(kept[0] ?? 0)}</span>
          <span>
            {changes.length > 0 ? `${changes.length} live change${changes.length > 1 ? 's' : ''}` : ''}
          </span>
          <span>{formatStep(last)}</span>
        </div>
      </div>
      <details className="timeline-settings">
        <summary>History settings</summary>
        <div className="layer-settings-grid">
          <label className="inline-field">
            axis
            <select value={axis} onChange={(e) => setAxis(e.currentTarget.value as StepAxis)}>
              <option value="log">log</option>
              <option value="linear">linear</option>
            </select>
          </label>
          <label className="inline-field">
            replay duration
            <select value={seconds} onChange={(e) => setSeconds(Number(e.currentTarget.value))}>
              {REPLAY_SECONDS.map((s) => (
                <option key={s} value={s}>
                  {s} s
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="field-hint">
          {kept.length} steps kept: every step at first, then ever sparser (a log scale), and one at each live
          change. The replay plays them at the depth and with the layers shown.
        </p>
      </details>
    </section>
  );
}
