// Softmax: turning one query's scores into weights in [0, 1] that sum to 1, without overflow.
import type { Matrix, Vector } from './matrix.ts';

/**
 * Softmax of one row of scores: exp(xᵢ − max) / Σ exp(xⱼ − max).
 *
 * Subtracting the row maximum changes nothing mathematically (softmax(x) = softmax(x + c)) but
 * keeps every exponent ≤ 0, so scores like ±1e6 give finite weights. Edge cases:
 * - −Infinity scores (masked cells) get a weight of exactly 0;
 * - a row of only −Infinity (nothing visible) gives all zeros rather than NaN;
 * - +Infinity scores share the weight equally, the limit as those scores grow;
 * - an empty row gives an empty row.
 */
export function softmax(row: Vector): Vector {
	let max = -Infinity;
	for (const x of row) if (x > max) max = x;
	if (max === -Infinity) return row.map(() => 0);
	if (max === Infinity) {
		const count = row.filter((x) => x === Infinity).length;
		return row.map((x) => (x === Infinity ? 1 / count : 0));
	}
	const exps = row.map((x) => Math.exp(x - max));
	let sum = 0;
	for (const e of exps) sum += e;
	return exps.map((e) => e / sum);
}

/** Applies {@link softmax} to every row of a score matrix (one row per query). */
export function softmaxRows(m: Matrix): Matrix {
	return m.map(softmax);
}
