import { describe, expect, it } from 'vitest';
import type { Assignment } from './assignment';
import { ROUNDING, solveAssignment } from './assignment';
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

  /**
   * The duals prove the answer optimal: every reduced cost >= 0 and the assigned ones 0 (to rounding),
   * so sum u + sum v, a lower bound on every assignment, equals the answer's cost.
   */
  function expectProvedOptimal(cost: Float64Array, n: number, result: Assignment): void {
    const { columnOfRow, totalCost, rowPotential: u, columnPotential: v } = result;
    expect(new Set(columnOfRow).size).toBe(n);
    const tolerance = ROUNDING * cost.reduce((m, c) => Math.max(m, Math.abs(c)), 0);
    let mostNegative = 0;
    let loosestAssigned = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) mostNegative = Math.min(mostNegative, cost[i * n + j] - u[i] - v[j]);
      loosestAssigned = Math.max(loosestAssigned, cost[i * n + columnOfRow[i]] - u[i] - v[columnOfRow[i]]);
    }
    expect(mostNegative).toBeGreaterThanOrEqual(-tolerance);
    expect(loosestAssigned).toBeLessThanOrEqual(tolerance);
    const bound = u.reduce((s, x) => s + x, 0) + v.reduce((s, x) => s + x, 0);
    expect(Math.abs(bound - totalCost)).toBeLessThanOrEqual(n * tolerance);
  }

  it('proves its answer on 512 uniform random costs', () => {
    const rng = createRandomStream(4, 'big');
    const n = 512;
    const cost = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) cost[i] = rng.next();
    expectProvedOptimal(cost, n, solveAssignment(cost, n));
  });

  it('proves its answer on squared distances between two 512-point clouds, as the measures use it', () => {
    // A cloud and its image under a rotation and a fold, plus noise: far from the identity pairing.
    const rng = createRandomStream(5, 'clouds');
    const n = 512;
    const from = Array.from({ length: n }, () => [rng.normal(), rng.normal()]);
    const to = from.map(([x, y]) => [
      0.6 * x - 0.8 * y + 0.1 * rng.normal(),
      Math.abs(0.8 * x + 0.6 * y) + 0.1 * rng.normal(),
    ]);
    const cost = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        cost[i * n + j] = (from[i][0] - to[j][0]) ** 2 + (from[i][1] - to[j][1]) ** 2;
    }
    expectProvedOptimal(cost, n, solveAssignment(cost, n));
  });

  it('proves its answer with many equal costs and equal rows', () => {
    const rng = createRandomStream(6, 'ties');
    const n = 200;
    const cost = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      // Every fourth row repeats the one before it; the entries take five values.
      for (let j = 0; j < n; j++) cost[i * n + j] = i % 4 === 3 ? cost[(i - 1) * n + j] : rng.int(5);
    }
    expectProvedOptimal(cost, n, solveAssignment(cost, n));
  });

  it('solves a constant matrix and a single entry', () => {
    expect(solveAssignment(new Float64Array(9).fill(2), 3).totalCost).toBe(6);
    expect([...solveAssignment(Float64Array.from([-3]), 1).columnOfRow]).toEqual([0]);
    expect(solveAssignment(new Float64Array(0), 0).totalCost).toBe(0);
  });

  it('refuses costs that are infinite or not a number instead of searching for ever', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const cost = Float64Array.from([1, 2, 3, 4, 5, bad, 7, 8, 9]);
      expect(() => solveAssignment(cost, 3)).toThrow(`entry (1, 2) is ${bad}`);
    }
  });
});
