/**
 * Points from CSV text: one point per line as x, y, label (label an integer class 0-3); a header line
 * is optional; separators may be commas, semicolons or tabs. Lines that cannot be read are reported
 * with their line numbers and skipped; nothing else is lost.
 */
import { MAX_OWN_CLASSES, MAX_OWN_POINTS } from './points';

export interface CsvPoints {
  x: Float32Array;
  y: Uint8Array;
  /** One sentence per skipped line, naming its number. */
  problems: string[];
}

export function parsePointsCsv(text: string): CsvPoints {
  const xs: number[] = [];
  const ys: number[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = index + 1;
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const [x, y, label] = cells.map(Number);
    if (index === 0 && cells.some((c) => c !== '' && Number.isNaN(Number(c)))) return; // a header
    if (cells.length < 3 || ![x, y].every(Number.isFinite)) {
      problems.push(`Line ${number}: expected x, y, label, got "${line.slice(0, 40)}".`);
    } else if (!Number.isInteger(label) || label < 0 || label >= MAX_OWN_CLASSES) {
      problems.push(`Line ${number}: the label must be a class from 0 to ${MAX_OWN_CLASSES - 1}.`);
    } else if (xs.length / 2 >= MAX_OWN_POINTS) {
      problems.push(`Line ${number}: more than ${MAX_OWN_POINTS} points; the rest were skipped.`);
    } else {
      xs.push(x, y);
      ys.push(label);
    }
  });
  // Many skipped lines make one sentence each for the first few, then a count.
  const shown = problems.slice(0, 20);
  if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more lines.`);
  return { x: Float32Array.from(xs), y: Uint8Array.from(ys), problems: shown };
}

/** Points as CSV text with a header: x,y,label. */
export function pointsToCsv(x: ArrayLike<number>, y: ArrayLike<number>): string {
  const rows = ['x,y,label'];
  for (let i = 0; i < y.length; i++) rows.push(`${x[2 * i]},${x[2 * i + 1]},${y[i]}`);
  return `${rows.join('\n')}\n`;
}
