import type { ClassSampler } from './sampling';

/** Cells per side of the board covering [-1, 1]^2. */
export const BOARD_CELLS = 4;

/**
 * A 4 x 4 checkerboard on [-1, 1]^2: the class of a point is the parity of its cell's row plus
 * column. A point of class c is drawn uniformly from one of the 8 cells of that parity.
 */
export const sampleCheckerboard: ClassSampler = (label, rng) => {
  const cell = rng.int((BOARD_CELLS * BOARD_CELLS) / 2);
  const row = Math.floor(cell / (BOARD_CELLS / 2));
  const col = 2 * (cell % (BOARD_CELLS / 2)) + ((row + label) % 2);
  const size = 2 / BOARD_CELLS;
  return [-1 + size * (col + rng.next()), -1 + size * (row + rng.next())];
};
