// Projection: turning each token's embedding into a query, key or value with one weight matrix.
import { matmul, type Matrix } from './matrix.ts';

/**
 * Projects every token through a weight matrix: X·W, where X is n×d (one row per token) and
 * W is d×k, giving n×k.
 * @throws Error when the columns of X do not match the rows of W.
 */
export function project(X: Matrix, W: Matrix): Matrix {
	return matmul(X, W);
}
