import { describe, expect, it } from 'vitest';
import { solveAssignment } from './assignment';
import { createRandomStream } from './random';

function bruteForce(cost: Float64Array, n: number): number {
  let best = Infinity;
  const perm = [...Array(n).keys()];
  const visit = (depth: number, acc: number) => {
    if (depth === n) {
      best = Math.min(best, acc);
      return;
    }
    for (let i = depth; i < n; i++) {
      [perm[depth], perm[i]] = [perm[i], perm[depth]];
      visit(depth + 1, acc + cost[depth * n + perm[depth]]);
      [perm[depth], perm[i]] = [perm[i], perm[depth]];
    }
  };
  visit(0, 0);
  return best;
}

describe('solveAssignment', () => {
  it('matches brute force over all permutations for n <= 8', () => {
    const rng = createRandomStream(3, 'assignment');
    for (let trial = 0; trial < 120; trial++) {
      const n = 1 + (trial % 8);
      const cost = new Float64Array(n * n);
      for (let i = 0; i < n * n; i++) cost[i] = trial % 3 === 0 ? rng.int(4) : rng.uniform(-2, 5);
      const { columnOfRow, totalCost } = solveAssignment(cost, n);
      expect(new Set(columnOfRow).size).toBe(n);
      let recomputed = 0;
      for (let i = 0; i < n; i++) recomputed += cost[i * n + columnOfRow[i]];
      expect(totalCost).toBeCloseTo(recomputed, 10);
      expect(totalCost).toBeCloseTo(bruteForce(cost, n), 10);
    }
  });

  it('solves a hand example', () => {
    // [[4,1,3],[2,0,5],[3,2,2]]: greedy row 1 -> column 1 (cost 0) is not optimal; the optimum is
    // rows (0,1,2) -> columns (1,0,2) at 1 + 2 + 2 = 5 (all six permutations checked by hand).
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const { columnOfRow, totalCost } = solveAssignment(cost, 3);
    expect(totalCost).toBe(5);
    expect([...columnOfRow]).toEqual([1, 0, 2]);
  });

  it('handles 512 points', () => {
    const rng = createRandomStream(4, 'big');
    const n = 512;
    const cost = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) cost[i] = rng.next();
    const { columnOfRow } = solveAssignment(cost, n);
    expect(new Set(columnOfRow).size).toBe(n);
  });

  it('refuses costs that are infinite or not a number instead of searching for ever', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const cost = Float64Array.from([1, 2, 3, 4, 5, bad, 7, 8, 9]);
      expect(() => solveAssignment(cost, 3)).toThrow(`entry (1, 2) is ${bad}`);
    }
  });
});
