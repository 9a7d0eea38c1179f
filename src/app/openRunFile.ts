/** Opening files the user imports: a run (scenario and weights, JSON) or own points (CSV). */
import { parsePointsCsv } from '../core/csv';
import { decodeRunFile } from '../scenario/runFile';
import type { App } from './createApp';

export async function importFile(file: File, services: Pick<App, 'store' | 'open' | 'runs' | 'points'>) {
  const text = await file.text();
  const notify = services.store.getState().notify;
  if (file.name.toLowerCase().endsWith('.csv')) {
    const { x, y, problems } = parsePointsCsv(text);
    if (problems.length > 0) notify('warning', [`Some lines of ${file.name} were skipped:`, ...problems]);
    if (y.length === 0) {
      notify('error', [`${file.name} holds no points that could be read.`]);
      return;
    }
    services.points.replace(x, y);
    notify('info', [`Imported ${y.length} points from ${file.name}.`]);
    return;
  }
  const { scenario, notices, state } = decodeRunFile(text);
  if (notices.length > 0) notify('warning', notices);
  await services.open(scenario);
  if (state) {
    services.runs.a.control.load(state);
    notify('info', [`Opened the run of ${file.name} at step ${state.step}.`]);
  }
}
