/**
 * A study's summary as text: a Markdown table (one line per value and arm, each quantity as its mean
 * and 95% interval) and the paired comparisons in words. Printed by `npm run study` and pasted into
 * the README.
 */
import type { Study } from '../scenario/study';
import type { QuantityKey, ValueSummary } from '../scenario/studySummary';
import { STUDY_QUANTITIES } from '../scenario/studySummary';

function formatInterval(key: QuantityKey, mean: number, low: number, high: number): string {
  const f = STUDY_QUANTITIES.find((x) => x.key === key)!.wording.format;
  return low === high ? f(mean) : `${f(mean)} [${f(low)}, ${f(high)}]`;
}

/** One Markdown table over every value and arm: runs, then each quantity as mean [95% CI]. */
export function studyTable(study: Study, summaries: readonly ValueSummary[]): string {
  const header = [study.sweep, 'arm', 'runs', ...STUDY_QUANTITIES.map((q) => q.label)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const value of summaries) {
    for (const arm of value.arms) {
      const cells = STUDY_QUANTITIES.map((q) => {
        const s = arm.stats[q.key];
        return s.n === 0 ? '–' : formatInterval(q.key, s.mean, s.low, s.high);
      });
      lines.push(`| ${value.value} | ${arm.arm} | ${arm.runs} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

/** The paired comparisons of the chosen quantities, one sentence a line, grouped by value. */
export function studySentences(
  study: Study,
  summaries: readonly ValueSummary[],
  quantities: readonly QuantityKey[] = STUDY_QUANTITIES.map((q) => q.key),
): string {
  const lines: string[] = [];
  for (const value of summaries) {
    const mine = value.comparisons.filter((c) => quantities.includes(c.quantity));
    if (mine.length === 0) continue;
    lines.push(`${study.sweep} = ${value.value}:`);
    for (const c of mine) lines.push(`  - ${c.sentence}`);
  }
  return lines.join('\n');
}
