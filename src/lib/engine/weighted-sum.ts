// The weighted sum: each query's output is its weights applied to the value vectors.
import { matmul, type Matrix } from './matrix.ts';

/**
 * weights·values: row i is Σⱼ weights[i][j] × values[j], one output per query.
 * weights is queries×keys and values has one row per key.
 * @throws Error when the number of weight columns differs from the number of value rows.
 */
export function weightedSum(weights: Matrix, values: Matrix): Matrix {
	return matmul(weights, values);
}
