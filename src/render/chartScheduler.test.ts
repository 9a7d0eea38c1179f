import { describe, expect, it } from 'vitest';
import { DEFER_AFTER_MS } from './frameLoop';
import { createChartScheduler } from './chartScheduler';

const light = () => 0;

describe('chart scheduler', () => {
  it('draws one due chart per frame, taking turns, and skips charts that are not due', () => {
    const scheduler = createChartScheduler();
    const drawn: string[] = [];
    const due = new Set(['a', 'b', 'c']);
    for (const name of ['a', 'b', 'c']) {
      scheduler.add({ due: () => due.has(name), draw: () => (drawn.push(name), due.delete(name)) });
    }
    for (let frame = 0; frame < 4; frame++) scheduler.tick(frame, light);
    expect(drawn).toEqual(['a', 'b', 'c']);
    due.add('c');
    due.add('a');
    scheduler.tick(5, light);
    scheduler.tick(6, light);
    // After c, the turn is a's, then c's again.
    expect(drawn).toEqual(['a', 'b', 'c', 'a', 'c']);
    // A frame that is already full leaves the chart to a later one.
    due.add('b');
    scheduler.tick(7, () => DEFER_AFTER_MS + 1);
    expect(drawn).toHaveLength(5);
    scheduler.tick(8, light);
    expect(drawn.at(-1)).toBe('b');
  });

  it('forgets a removed chart', () => {
    const scheduler = createChartScheduler();
    let draws = 0;
    const remove = scheduler.add({ due: () => true, draw: () => draws++ });
    scheduler.tick(0, light);
    remove();
    scheduler.tick(1, light);
    expect(draws).toBe(1);
  });
});
