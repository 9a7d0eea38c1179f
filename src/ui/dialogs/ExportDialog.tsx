/**
 * Export and import: a picture of the transport view (screen or twice its resolution), a video of the
 * flow, the training points and the metrics as CSV, the run as JSON (scenario and exact weights), and
 * importing a run or points back.
 */
import { useRef, useState } from 'react';
import { pointsToCsv } from '../../core/csv';
import { metricsCsv } from '../../charts/metricsCsv';
import { encodeRunFile } from '../../scenario/runFile';
import { shownBlocks } from '../../state/selectors';
import { download, timestampedName } from '../../app/exporting/download';
import { transportPicture } from '../../app/exporting/picture';
import { recordCanvas, recordFlow, recordingUnsupported } from '../../app/exporting/recording';
import { replayStep } from '../../app/replay';
import { importFile } from '../../app/openRunFile';
import { useServices } from '../services';
import { emptyViewSettings, fillViewSettings } from '../../app/viewSettings';
import { Dialog } from './Dialog';

const mainCanvas = () => document.querySelector<HTMLCanvasElement>('canvas.transport-canvas[data-run="a"]');

export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const services = useServices();
  const { runs, store, depth, steps } = services;
  const historyKept = runs.a.past.steps().length >= 2;
  const [seconds, setSeconds] = useState(4);
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const abort = useRef<AbortController | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const picture = async (scale: 1 | 2) => {
    const canvas = mainCanvas();
    if (!canvas?.parentElement) return;
    const view = fillViewSettings(emptyViewSettings(), services, 'a');
    const size = { width: canvas.clientWidth, height: canvas.clientHeight };
    download(
      await transportPicture(runs.a.frames, view, canvas.parentElement, size, scale),
      timestampedName('png'),
    );
    setMessage(`Saved a picture at ${scale === 2 ? 'twice the' : 'the'} screen's resolution.`);
  };

  /** Records the flow (depth 0 to K) or the training history (its kept steps, as the replay plays them). */
  const record = async (what: 'flow' | 'history') => {
    const canvas = mainCanvas();
    const unsupported = recordingUnsupported(canvas);
    if (unsupported || !canvas) {
      setMessage(`${unsupported ?? 'There is no canvas to record.'} Save pictures instead.`);
      return;
    }
    abort.current = new AbortController();
    // The history video moves the step in view; afterwards the view returns to what it showed.
    const pinned = steps.pinned();
    setProgress(0);
    setMessage('');
    try {
      const blocks = shownBlocks(store.getState());
      const options = { canvas, seconds, onProgress: setProgress, signal: abort.current.signal };
      const kept = runs.a.past.steps();
      const video =
        what === 'flow'
          ? await recordFlow({ ...options, depth, blocks })
          : await recordCanvas({ ...options, drive: (share) => steps.pin(replayStep(kept, share, 'log')) });
      if (video) {
        download(video, timestampedName('webm'));
        const subject = what === 'flow' ? 'the flow' : `the training (steps ${kept[0]} to ${kept.at(-1)})`;
        setMessage(`Saved a ${seconds}-second video of ${subject} (${(video.size / 1024).toFixed(0)} KB).`);
      } else {
        setMessage('Recording cancelled.');
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      if (what === 'history') steps.pin(pinned);
      setProgress(null);
      abort.current = null;
    }
  };

  const points = () => {
    const frame = runs.a.frames.current();
    if (!frame) return;
    const x = frame.views.trainPositions.subarray(0, frame.layout.trainPoints * 2);
    download(pointsToCsv(x, frame.run.trainLabels), timestampedName('csv'), 'text/csv');
  };

  const run = async () => {
    try {
      const state = await runs.a.control.exportState();
      download(encodeRunFile(store.getState().scenario, state), timestampedName('json'), 'application/json');
      setMessage(`Saved the run at step ${state.step}.`);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Dialog open={open} onClose={onClose} title="Export and import">
      <section className="export-section">
        <h3>Picture of the transport view</h3>
        <button type="button" onClick={() => void picture(1)}>
          PNG
        </button>
        <button type="button" onClick={() => void picture(2)}>
          PNG, 2× resolution
        </button>
      </section>
      <section className="export-section">
        <h3>Video of the flow (depth 0 to K) or of the training (its history, log time)</h3>
        <label className="inline-field">
          length
          <select
            value={seconds}
            onChange={(e) => setSeconds(Number(e.currentTarget.value))}
            disabled={progress !== null}
          >
            {[2, 4, 8].map((s) => (
              <option key={s} value={s}>
                {s} s
              </option>
            ))}
          </select>
        </label>
        {progress === null ? (
          <>
            <button type="button" onClick={() => void record('flow')}>
              Record (WebM)
            </button>
            <button type="button" disabled={!historyKept} onClick={() => void record('history')}>
              Record the training (WebM)
            </button>
          </>
        ) : (
          <>
            <progress value={progress} max={1} aria-label="Recording" />
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </>
        )}
      </section>
      <section className="export-section">
        <h3>Data and numbers</h3>
        <button type="button" onClick={points}>
          Training points (CSV)
        </button>
        <button
          type="button"
          onClick={() => download(metricsCsv(runs.a.history), timestampedName('csv'), 'text/csv')}
        >
          Metrics (CSV)
        </button>
        <button type="button" onClick={() => void run()}>
          Scenario and weights (JSON)
        </button>
      </section>
      <section className="export-section">
        <h3>Import</h3>
        <p className="field-hint">
          A run saved as JSON opens with its exact weights; a CSV of x, y, label becomes your own data.
        </p>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          aria-label="Import a run (JSON) or points (CSV)"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (!file) return;
            void importFile(file, services).then(onClose);
            e.currentTarget.value = '';
          }}
        />
      </section>
      <p className="field-hint" role="status">
        {message}
      </p>
    </Dialog>
  );
}
