/**
 * Carries the step in view to every run: each run's worker is asked for the view at that step (or
 * back to live) and its frames switch between the checkpoint's and the live ones. A run that starts a
 * new history (rebuild, reset, load) sends the page back to live; a second run that starts in
 * compare mode joins the step in view.
 */
import type { PastView } from './pastView';
import type { StepInView } from './stepInView';

/** What this module needs of a run. */
export interface ViewedRun {
  past: PastView;
  control: { viewStep(step: number | null): void };
}

/** What this module needs of the page's runs. */
export interface ViewedRuns {
  all(): ViewedRun[];
  subscribe(listener: () => void): () => void;
}

export function syncStepInView(steps: StepInView, runs: ViewedRuns): () => void {
  const sent = new Map<ViewedRun, number | null>();
  const restarts = new Map<ViewedRun, () => void>();
  const apply = () => {
    const step = steps.shown();
    const current = runs.all();
    for (const run of [...sent.keys()]) {
      if (current.includes(run)) continue;
      sent.delete(run);
      restarts.get(run)?.();
      restarts.delete(run);
    }
    for (const run of current) {
      if (!restarts.has(run))
        restarts.set(
          run,
          run.past.onRestart(() => steps.pin(null)),
        );
      if (sent.has(run) && sent.get(run) === step) continue;
      sent.set(run, step);
      run.past.setViewing(step !== null);
      run.control.viewStep(step);
    }
  };
  const unsubscribeSteps = steps.subscribe(apply);
  const unsubscribeRuns = runs.subscribe(apply);
  apply();
  return () => {
    unsubscribeSteps();
    unsubscribeRuns();
    restarts.forEach((off) => off());
  };
}
