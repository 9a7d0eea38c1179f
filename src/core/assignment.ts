/**
 * Exact linear assignment: the Hungarian algorithm with row and column potentials (shortest augmenting
 * paths, the same family as Jonker-Volgenant), O(n^3) time, O(n) memory beyond the cost matrix.
 */

/** The optimal assignment of a square cost matrix and its total cost. */
export interface Assignment {
  /** columnOfRow[i] is the column assigned to row i. */
  columnOfRow: Int32Array;
  /** Sum of cost[i][columnOfRow[i]] over all rows. */
  totalCost: number;
}

/**
 * Minimises sum_i cost[i][p(i)] over all permutations p.
 * @param cost n x n matrix, row-major (cost of row i and column j at i * n + j), every entry finite
 * @param n number of rows and columns
 * @throws when an entry is infinite or not a number (no augmenting path could be found: the search
 *   would never end)
 */
export function solveAssignment(cost: Float64Array, n: number): Assignment {
  const bad = cost.subarray(0, n * n).findIndex((c) => !Number.isFinite(c));
  if (bad >= 0) {
    throw new Error(
      `The assignment needs finite costs; entry (${Math.floor(bad / n)}, ${bad % n}) is ${cost[bad]}.`,
    );
  }
  // 1-based arrays; index 0 is the virtual column the augmenting path starts from.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOfColumn = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minSlack = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);

  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    let col0 = 0;
    minSlack.fill(Infinity);
    used.fill(0);
    do {
      used[col0] = 1;
      const i0 = rowOfColumn[col0];
      const base = (i0 - 1) * n - 1;
      let delta = Infinity;
      let col1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost[base + j] - u[i0] - v[j];
        if (reduced < minSlack[j]) {
          minSlack[j] = reduced;
          way[j] = col0;
        }
        if (minSlack[j] < delta) {
          delta = minSlack[j];
          col1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOfColumn[j]] += delta;
          v[j] -= delta;
        } else {
          minSlack[j] -= delta;
        }
      }
      col0 = col1;
    } while (rowOfColumn[col0] !== 0);
    do {
      const col1 = way[col0];
      rowOfColumn[col0] = rowOfColumn[col1];
      col0 = col1;
    } while (col0 !== 0);
  }

  const columnOfRow = new Int32Array(n);
  let totalCost = 0;
  for (let j = 1; j <= n; j++) {
    const i = rowOfColumn[j] - 1;
    columnOfRow[i] = j - 1;
    totalCost += cost[i * n + j - 1];
  }
  return { columnOfRow, totalCost };
}
