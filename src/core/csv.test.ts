import { describe, expect, it } from 'vitest';
import { parsePointsCsv, pointsToCsv } from './csv';

describe('points CSV', () => {
  it('reads good rows, with or without a header, and reports bad ones by line number', () => {
    const text = ['x,y,label', '0.5,1,0', '', 'oops', '1;2;1', '3,4,7', '5\t6\t2', '7,8', 'a,b,1'].join('\n');
    const { x, y, problems } = parsePointsCsv(text);
    expect(Array.from(x)).toEqual([0.5, 1, 1, 2, 5, 6]);
    expect(Array.from(y)).toEqual([0, 1, 2]);
    expect(problems).toEqual([
      'Line 4: expected x, y, label, got "oops".',
      'Line 6: the label must be a class from 0 to 3.',
      'Line 8: expected x, y, label, got "7,8".',
      'Line 9: expected x, y, label, got "a,b,1".',
    ]);
    expect(parsePointsCsv('1,2,0\n3,4,1').y.length).toBe(2);
  });

  it('round-trips what it writes', () => {
    const csv = pointsToCsv(Float32Array.from([0.25, -1, 2, 3.5]), Uint8Array.from([1, 0]));
    expect(csv).toBe('x,y,label\n0.25,-1,1\n2,3.5,0\n');
    const back = parsePointsCsv(csv);
    expect(Array.from(back.x)).toEqual([0.25, -1, 2, 3.5]);
    expect(back.problems).toEqual([]);
  });
});
