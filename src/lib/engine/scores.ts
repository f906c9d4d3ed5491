// The grid of raw attention scores: how well each query matches each key.
import type { Matrix } from './matrix.ts';
import { dot } from './vector.ts';

/**
 * Q·Kᵀ: cell (i, j) is the dot product of query i with key j, so rows are queries and columns
 * are keys. Works for any number of queries and keys, including none.
 * @throws Error when a query and a key have different lengths.
 */
export function dotProductScores(Q: Matrix, K: Matrix): Matrix {
	return Q.map((q) => K.map((k) => dot(q, k)));
}
