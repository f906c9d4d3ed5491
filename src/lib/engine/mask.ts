// The causal mask: for next-token prediction a query may not look at keys that come after it.
import type { Matrix } from './matrix.ts';

/** Whether the causal mask hides cell (row, col): true when the key comes after the query. */
export function isMaskedCell(row: number, col: number): boolean {
	return col > row;
}

/**
 * Returns a copy of the scores with −Infinity wherever the key comes after the query
 * (column > row), so softmax later gives those cells a weight of exactly 0.
 * The input is not changed.
 */
export function causalMask(scores: Matrix): Matrix {
	return scores.map((row, i) => row.map((x, j) => (isMaskedCell(i, j) ? -Infinity : x)));
}
