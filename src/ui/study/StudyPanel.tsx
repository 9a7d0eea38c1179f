/**
 * The Studies dialog: pick a built-in study or edit its link, run it on the page's workers, follow
 * its progress, and read the results as charts (mean and 95% band per arm), paired differences and
 * sentences. The study and its results live in app/studyRunner.ts, so they stay when it closes.
 */
import { useSyncExternalStore } from 'react';
import { pageStudyRunner } from '../../app/pageStudyRunner';
import type { StudyStatus } from '../../app/studyRunner';
import { decodeScenarioLink } from '../../scenario/link';
import { STUDIES } from '../../scenario/studies';
import { encodeStudyLink } from '../../scenario/studyLink';
import { Dialog } from '../dialogs/Dialog';
import { useServices } from '../services';
import { StudyResults } from './StudyResults';

const STATUS_WORDS: Record<StudyStatus, string> = {
  idle: 'Not run yet',
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
  loaded: 'Opened from a file',
};

const seconds = (s: number) =>
  s < 60 ? `${Math.round(s)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

export function StudyPanel({ open, onClose }: { open: boolean; onClose: () => void }) {
  const runner = pageStudyRunner();
  const state = useSyncExternalStore(runner.subscribe, runner.getState);
  const services = useServices();
  const picked = STUDIES.find((s) => encodeStudyLink(s) === state.text);
  const running = state.status === 'running';
  const total = state.study ? state.study.values.length * state.study.arms.length * state.study.seeds : 0;
  const p = state.progress;
  const status = running
    ? `Running on ${state.workers} worker${state.workers === 1 ? '' : 's'}: ${p?.finished ?? 0} of ${total} runs` +
      (p
        ? `, ${Math.round(100 * p.fraction)}% of the work, ${p.etaSeconds === null ? '' : `about ${seconds(p.etaSeconds)} left`}`
        : '')
    : state.status === 'idle'
      ? 'Not run yet.'
      : `${STATUS_WORDS[state.status]}: ${state.rows.length} of ${total} runs` +
        (p ? ` in ${seconds(p.elapsedSeconds)}` : '') +
        (state.error ? `. ${state.error}` : '.');

  const openRun = (link: string) => {
    void services.open(decodeScenarioLink(link).scenario);
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} title="Studies" wide>
      <p>
        A study trains many runs: every value of one setting, every arm (a set of differences), for many
        seeds. Runs of one seed share their data and initial weights, so arms are compared seed by seed.
      </p>
      <div className="study-editor">
        <label>
          Study{' '}
          <select
            value={picked?.name ?? ''}
            onChange={(e) => {
              const study = STUDIES.find((s) => s.name === e.target.value);
              if (study) runner.setText(encodeStudyLink(study));
            }}
          >
            {!picked && <option value="">(edited)</option>}
            {STUDIES.map((s) => (
              <option key={s.name} value={s.name}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {picked && <p className="study-caption">{picked.caption}</p>}
        <label className="study-link">
          Study link (edit it to change the values, arms, seeds or steps)
          <textarea
            rows={3}
            spellCheck={false}
            value={state.text}
            onChange={(e) => runner.setText(e.target.value)}
          />
        </label>
        <div className="study-actions">
          <button type="button" onClick={() => runner.start()}>
            {running ? 'Restart study' : 'Run study'}
          </button>
          <button type="button" disabled={!running} onClick={() => runner.cancel()}>
            Cancel
          </button>
          <label className="study-cores">
            <input
              type="checkbox"
              checked={state.allCores}
              onChange={(e) => runner.setAllCores(e.currentTarget.checked)}
            />
            Use all cores (none left for the page while the study runs)
          </label>
          <label className="study-file">
            Open results (JSON)
            <input
              type="file"
              accept=".json,application/json"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) runner.load(await file.text());
              }}
            />
          </label>
          <progress
            max={1}
            value={p?.fraction ?? (state.status === 'loaded' ? 1 : 0)}
            aria-label="Study progress"
          />
        </div>
        <p role="status" className="study-status">
          {status}
        </p>
        {state.notices.length > 0 && (
          <ul className="study-notices" aria-label="Changes made to the study">
            {state.notices.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </div>
      {state.study && state.rows.length > 0 && (
        <StudyResults study={state.study} rows={state.rows} onPick={openRun} />
      )}
    </Dialog>
  );
}
