import { describe, expect, it } from 'vitest';
import { blockAt, interpolateDepth } from './interpolate';

// Two particles, K = 2: particle 0 goes (0,0) -> (1,0) -> (1,2); particle 1 stays at (5,5).
const positions = Float32Array.from([0, 0, 5, 5, 1, 0, 5, 5, 1, 2, 5, 5]);

describe('interpolateDepth', () => {
  it('returns the layers themselves at whole depths', () => {
    const out = new Float32Array(4);
    interpolateDepth(positions, 2, 2, 0, out);
    expect([...out]).toEqual([0, 0, 5, 5]);
    interpolateDepth(positions, 2, 2, 2, out);
    expect([...out]).toEqual([1, 2, 5, 5]);
  });

  it('moves on the straight segment between layers', () => {
    const out = new Float32Array(4);
    interpolateDepth(positions, 2, 2, 0.25, out);
    expect([...out]).toEqual([0.25, 0, 5, 5]);
    interpolateDepth(positions, 2, 2, 1.5, out);
    expect([...out]).toEqual([1, 1, 5, 5]);
  });

  it('clamps depths outside [0, K]', () => {
    const out = new Float32Array(4);
    interpolateDepth(positions, 2, 2, -3, out);
    expect([...out]).toEqual([0, 0, 5, 5]);
    interpolateDepth(positions, 2, 2, 9, out);
    expect([...out]).toEqual([1, 2, 5, 5]);
  });

  it('names the block a depth lies in', () => {
    expect([0, 0.5, 1, 1.99, 2].map((t) => blockAt(t, 2))).toEqual([0, 0, 1, 1, 1]);
  });
});
