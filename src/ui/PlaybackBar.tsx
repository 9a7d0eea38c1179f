/** Play/pause, single step and reset, with the step counter and the run's state. */
import { selectLive, selectPlaying, selectPreparing } from '../state/selectors';
import { useAppState, useServices } from './services';

export function PlaybackBar() {
  const { runs } = useServices();
  const playing = useAppState(selectPlaying);
  const compiling = useAppState(selectPreparing);
  const live = useAppState(selectLive);
  return (
    <div className="playback" role="toolbar" aria-label="Training">
      <button
        type="button"
        className="primary play"
        data-tour="train"
        onClick={playing ? runs.pause : runs.play}
        disabled={compiling && !playing}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Train'}
      </button>
      <button
        type="button"
        onClick={runs.step}
        data-tour="step-button"
        disabled={playing || compiling}
        aria-label="One training step"
      >
        Step
      </button>
      <button type="button" onClick={runs.reset} data-tour="reset" aria-label="Reset to the initial weights">
        Reset
      </button>
      <span className="step-counter" aria-live="off" data-tour="step-count">
        step <strong data-testid="step">{live?.step ?? 0}</strong>
      </span>
      {compiling && <span className="chip">preparing…</span>}
    </div>
  );
}
