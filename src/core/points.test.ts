import { describe, expect, it } from 'vitest';
import { createRandomStream } from './random';
import {
  decodePoints,
  encodePoints,
  MAX_OWN_POINTS,
  ownClasses,
  POINT_EXTENT,
  snapCoordinate,
} from './points';

describe('own points encoding', () => {
  it('round-trips 2,000 points to within the quantisation step, 4 characters each', () => {
    const rng = createRandomStream(1, 'points');
    const n = MAX_OWN_POINTS;
    const x = Float32Array.from({ length: 2 * n }, () => rng.uniform(-3, 3));
    const y = Uint8Array.from({ length: n }, () => rng.int(4));
    const text = encodePoints(x, y);
    expect(text).toHaveLength(4 * n);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    const back = decodePoints(text)!;
    expect(Array.from(back.y)).toEqual(Array.from(y));
    back.x.forEach((v, i) => expect(Math.abs(v - x[i])).toBeLessThanOrEqual((POINT_EXTENT / 2047) * 1.0001));
  });

  it('is exact on snapped coordinates, and clamps to the extent', () => {
    const x = Float32Array.from([snapCoordinate(0.123), snapCoordinate(-1.5), 9, -9]);
    const back = decodePoints(encodePoints(x, [0, 3]))!;
    expect(back.x[0]).toBeCloseTo(x[0], 6);
    expect(back.x[1]).toBeCloseTo(x[1], 6);
    expect([back.x[2], back.x[3]]).toEqual([POINT_EXTENT, -POINT_EXTENT]);
  });

  it('rejects text that is not points', () => {
    for (const bad of ['abc', 'ab!d', 'AAA=']) expect(decodePoints(bad)).toBeNull();
    expect(decodePoints('')).toEqual({ x: new Float32Array(0), y: new Uint8Array(0) });
  });

  it('counts classes from the labels, at least two', () => {
    expect(ownClasses([0, 0])).toBe(2);
    expect(ownClasses([0, 2, 1])).toBe(3);
  });
});
