/** The training table `npm run bench` and the GPU bundle print. */
import { fixed } from './stats';
import type { TrainingRow } from './training';

export function trainingTable(rows: readonly TrainingRow[]): string {
  const lines = [
    'Training, full batch, loss = CE + 0.1 C, Adam (median steps/s)',
    'scenario  backend  engine     where  steps/s',
    ...rows.map(
      (r) =>
        `${r.scenario.padEnd(10)}${r.backend.padEnd(9)}${r.engine.padEnd(11)}${r.where.padEnd(7)}${fixed(r.steps_per_s, 4)}`,
    ),
  ];
  return lines.join('\n');
}
