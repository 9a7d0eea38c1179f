import { describe, expect, it } from 'vitest';
import { createChartScheduler } from './chartScheduler';

describe('chart scheduler', () => {
  it('draws one due chart per frame, taking turns, and skips charts that are not due', () => {
    const scheduler = createChartScheduler();
    const drawn: string[] = [];
    const due = new Set(['a', 'b', 'c']);
    for (const name of ['a', 'b', 'c']) {
      scheduler.add({ due: () => due.has(name), draw: () => (drawn.push(name), due.delete(name)) });
    }
    for (let frame = 0; frame < 4; frame++) scheduler.tick(frame);
    expect(drawn).toEqual(['a', 'b', 'c']);
    due.add('c');
    due.add('a');
    scheduler.tick(5);
    scheduler.tick(6);
    // After c, the turn is a's, then c's again.
    expect(drawn).toEqual(['a', 'b', 'c', 'a', 'c']);
  });

  it('forgets a removed chart', () => {
    const scheduler = createChartScheduler();
    let draws = 0;
    const remove = scheduler.add({ due: () => true, draw: () => draws++ });
    scheduler.tick(0);
    remove();
    scheduler.tick(1);
    expect(draws).toBe(1);
  });
});
