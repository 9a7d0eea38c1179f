/**
 * Exact linear assignment in two phases:
 *
 * 1. an auction with epsilon scaling (Bertsekas, "The auction algorithm for assignment and other
 *    network flow problems", 1989): rows bid for columns, raising their prices, with the bid increment
 *    epsilon shrinking from half the cost range to FINAL_EPSILON of it. Each bid costs O(n); the
 *    result is an assignment within n * epsilon of the optimum, and prices that nearly prove it.
 * 2. exact completion by shortest augmenting paths (the Jonker-Volgenant family, after Crouse, "On
 *    implementing 2D rectangular assignment algorithms", 2016): the prices give duals
 *    v_j = -price_j and u_i = min_j (cost_ij - v_j), so every reduced cost cost_ij - u_i - v_j is
 *    >= 0; a row whose assigned entry is not tight (reduced cost 0) is freed, and each free row is
 *    joined by a Dijkstra search in reduced costs to the nearest free column.
 *
 * The answer is exact whatever the auction did: it is an assignment whose entries are all tight under
 * duals feasible on the whole matrix, so its cost equals sum u + sum v, a lower bound on every
 * assignment's cost. The auction only shortens the searches (from hundreds of columns per row on the
 * clouds of a flow to a few). O(n^3) at worst.
 */

/** The optimal assignment of a square cost matrix, its total cost and the duals that prove it. */
export interface Assignment {
  /** columnOfRow[i] is the column assigned to row i. */
  columnOfRow: Int32Array;
  /** Sum of cost[i][columnOfRow[i]] over all rows. */
  totalCost: number;
  /**
   * Dual potentials: cost[i][j] - rowPotential[i] - columnPotential[j] >= 0 for every entry and 0 on
   * the assigned ones, both up to ROUNDING times the largest |cost|; so sum(rowPotential) +
   * sum(columnPotential) = totalCost bounds every assignment's cost from below.
   */
  rowPotential: Float64Array;
  columnPotential: Float64Array;
}

/** The rounding an entry's reduced cost may carry, relative to the largest |cost|. */
export const ROUNDING = 1e-12;

/** The auction's last bid increment, relative to the cost range. */
const FINAL_EPSILON = 1e-4;

/** The factor epsilon shrinks by from one auction round to the next. */
const EPSILON_SCALING = 5;

/**
 * Minimises sum_i cost[i][p(i)] over all permutations p.
 * @param cost n x n matrix, row-major (cost of row i and column j at i * n + j), every entry finite
 * @param n number of rows and columns
 * @throws when an entry is infinite or not a number (no augmenting path could be found: the search
 *   would never end)
 */
export function solveAssignment(cost: Float64Array, n: number): Assignment {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let e = 0; e < n * n; e++) {
    if (!Number.isFinite(cost[e])) {
      throw new Error(
        `The assignment needs finite costs; entry (${Math.floor(e / n)}, ${e % n}) is ${cost[e]}.`,
      );
    }
    lowest = Math.min(lowest, cost[e]);
    highest = Math.max(highest, cost[e]);
  }
  const columnOfRow = new Int32Array(n).fill(-1);
  const rowOfColumn = new Int32Array(n).fill(-1);
  const v = new Float64Array(n);
  if (n > 1 && highest > lowest) auction(cost, n, highest - lowest, columnOfRow, rowOfColumn, v);
  const tolerance = ROUNDING * Math.max(Math.abs(lowest), Math.abs(highest));
  const u = new Float64Array(n);
  const freeRows = tighten(cost, n, tolerance, columnOfRow, rowOfColumn, u, v);
  const search = new AugmentingSearch(cost, n, columnOfRow, rowOfColumn, u, v);
  for (const row of freeRows) search.augment(row);

  let totalCost = 0;
  for (let i = 0; i < n; i++) totalCost += cost[i * n + columnOfRow[i]];
  return { columnOfRow, totalCost, rowPotential: u, columnPotential: v };
}

/**
 * Phase 1, the auction (Gauss-Seidel: one free row bids at a time). A row bids for its cheapest column
 * at cost + price and raises that price by the gap to its second cheapest plus epsilon, taking the
 * column from its holder. Each round starts with every row free and the prices of the round before.
 * Leaves a complete assignment and v = -price.
 */
function auction(
  cost: Float64Array,
  n: number,
  range: number,
  columnOfRow: Int32Array,
  rowOfColumn: Int32Array,
  v: Float64Array,
): void {
  const price = new Float64Array(n);
  const free = new Int32Array(n);
  const finalEpsilon = range * FINAL_EPSILON;
  for (let epsilon = range / 2; ; epsilon = Math.max(epsilon / EPSILON_SCALING, finalEpsilon)) {
    columnOfRow.fill(-1);
    rowOfColumn.fill(-1);
    let freeCount = 0;
    for (let i = n - 1; i >= 0; i--) free[freeCount++] = i;
    while (freeCount > 0) {
      const row = free[--freeCount];
      const base = row * n;
      let best = -1;
      let first = Infinity;
      let second = Infinity;
      for (let j = 0; j < n; j++) {
        const offer = cost[base + j] + price[j];
        if (offer < second) {
          if (offer < first) {
            second = first;
            first = offer;
            best = j;
          } else {
            second = offer;
          }
        }
      }
      price[best] += second - first + epsilon;
      const outbid = rowOfColumn[best];
      if (outbid >= 0) {
        columnOfRow[outbid] = -1;
        free[freeCount++] = outbid;
      }
      rowOfColumn[best] = row;
      columnOfRow[row] = best;
    }
    if (epsilon === finalEpsilon) break;
  }
  for (let j = 0; j < n; j++) v[j] = -price[j];
}

/**
 * Phase 2's start: u_i = min_j (cost_ij - v_j), which makes every reduced cost >= 0. A row whose
 * assigned entry is not tight (or that has none) is freed; a freed row takes a tight free column if
 * it has one.
 * @returns the rows still free
 */
function tighten(
  cost: Float64Array,
  n: number,
  tolerance: number,
  columnOfRow: Int32Array,
  rowOfColumn: Int32Array,
  u: Float64Array,
  v: Float64Array,
): number[] {
  const freed: number[] = [];
  for (let i = 0; i < n; i++) {
    let least = Infinity;
    for (let j = 0; j < n; j++) least = Math.min(least, cost[i * n + j] - v[j]);
    u[i] = least;
    const column = columnOfRow[i];
    if (column >= 0 && cost[i * n + column] - least - v[column] <= tolerance) continue;
    if (column >= 0) rowOfColumn[column] = -1;
    columnOfRow[i] = -1;
    freed.push(i);
  }
  return freed.filter((i) => {
    for (let j = 0; j < n; j++) {
      if (rowOfColumn[j] < 0 && cost[i * n + j] - u[i] - v[j] <= tolerance) {
        rowOfColumn[j] = i;
        columnOfRow[i] = j;
        return false;
      }
    }
    return true;
  });
}

/** Phase 2's searches: one shortest augmenting path per free row, over every column. */
class AugmentingSearch {
  private readonly distance: Float64Array;
  private readonly previousRow: Int32Array;
  private readonly remaining: Int32Array;
  private readonly scannedRows: Int32Array;
  private readonly scannedColumns: Int32Array;

  constructor(
    private readonly cost: Float64Array,
    private readonly n: number,
    private readonly columnOfRow: Int32Array,
    private readonly rowOfColumn: Int32Array,
    private readonly u: Float64Array,
    private readonly v: Float64Array,
  ) {
    this.distance = new Float64Array(n);
    this.previousRow = new Int32Array(n);
    this.remaining = new Int32Array(n);
    this.scannedRows = new Int32Array(n);
    this.scannedColumns = new Int32Array(n);
  }

  /**
   * Dijkstra from the free row `start` over the columns in reduced costs, to the nearest free column;
   * then the duals move so that the path is tight (and every reduced cost stays >= 0), and the
   * assignment is flipped along the path, which leaves `start` assigned.
   */
  augment(start: number): void {
    const { cost, n, u, v, distance, previousRow, remaining, rowOfColumn, columnOfRow } = this;
    distance.fill(Infinity);
    for (let j = 0; j < n; j++) remaining[j] = j;
    let remainingCount = n;
    let rowsScanned = 0;
    let columnsScanned = 0;
    let reach = 0;
    let row = start;
    let sink = -1;
    while (sink < 0) {
      this.scannedRows[rowsScanned++] = row;
      const base = row * n;
      const offset = reach - u[row];
      let nearest = -1;
      let lowest = Infinity;
      for (let t = 0; t < remainingCount; t++) {
        const j = remaining[t];
        const reduced = offset + cost[base + j] - v[j];
        if (reduced < distance[j]) {
          distance[j] = reduced;
          previousRow[j] = row;
        }
        // Among equally near columns a free one ends the search at once.
        if (distance[j] < lowest || (distance[j] === lowest && rowOfColumn[j] < 0)) {
          lowest = distance[j];
          nearest = t;
        }
      }
      reach = lowest;
      const column = remaining[nearest];
      remaining[nearest] = remaining[--remainingCount];
      this.scannedColumns[columnsScanned++] = column;
      if (rowOfColumn[column] < 0) sink = column;
      else row = rowOfColumn[column];
    }
    u[start] += reach;
    for (let t = 1; t < rowsScanned; t++) {
      const r = this.scannedRows[t];
      u[r] += reach - distance[columnOfRow[r]];
    }
    for (let t = 0; t < columnsScanned; t++) {
      const j = this.scannedColumns[t];
      v[j] -= reach - distance[j];
    }
    for (let column = sink; ;) {
      const r = previousRow[column];
      rowOfColumn[column] = r;
      const freed = columnOfRow[r];
      columnOfRow[r] = column;
      if (r === start) break;
      column = freed;
    }
  }
}
