// Shared test utilities: float comparison with a tolerance, and fast-check generators for matrices.
import fc from 'fast-check';
import type { HeadWeights } from './head.ts';
import type { Matrix, Vector } from './matrix.ts';

/** Formats a cell path like `[1][2]` for failure messages. */
function at(path: number[]): string {
	return path.map((i) => `[${i}]`).join('') || '(value)';
}

/** Compares two numbers, treating equal infinities as equal and NaN as never close. */
function closeNumber(actual: number, expected: number, delta: number, path: number[]): void {
	if (actual === expected) return;
	if (!(Math.abs(actual - expected) <= delta)) {
		throw new Error(
			`expectClose: at ${at(path)} expected ${expected} ± ${delta} but got ${actual}`
		);
	}
}

/** Recursively compares numbers, vectors and matrices, checking shapes first. */
function closeAny(actual: unknown, expected: unknown, delta: number, path: number[]): void {
	if (typeof expected === 'number') {
		if (typeof actual !== 'number') {
			throw new Error(`expectClose: at ${at(path)} expected a number but got ${String(actual)}`);
		}
		closeNumber(actual, expected, delta, path);
		return;
	}
	if (!Array.isArray(expected) || !Array.isArray(actual)) {
		throw new Error(`expectClose: at ${at(path)} expected an array but got ${String(actual)}`);
	}
	if (actual.length !== expected.length) {
		throw new Error(
			`expectClose: at ${at(path)} expected length ${expected.length} but got ${actual.length}`
		);
	}
	expected.forEach((e, i) => closeAny(actual[i], e, delta, [...path, i]));
}

/**
 * Asserts that a number, vector or matrix is within `delta` of the expected one, cell by cell,
 * with the same shape. Equal infinities match; NaN never does.
 */
export function expectClose(
	actual: number | Vector | Matrix,
	expected: number | Vector | Matrix,
	delta = 1e-9
): void {
	closeAny(actual, expected, delta, []);
}

/** Finite doubles in [−limit, limit], no NaN. */
export function finite(limit = 10): fc.Arbitrary<number> {
	return fc.double({ min: -limit, max: limit, noNaN: true });
}

/** A rows×cols matrix of finite doubles in [−limit, limit]. */
export function matrixOf(rows: number, cols: number, limit = 10): fc.Arbitrary<Matrix> {
	return fc.array(fc.array(finite(limit), { minLength: cols, maxLength: cols }), {
		minLength: rows,
		maxLength: rows
	});
}

/** Random head weights for d_model = d, d_k = k and d_v = v. */
export function headWeightsOf(d: number, k: number, v: number): fc.Arbitrary<HeadWeights> {
	return fc.record({
		query: matrixOf(d, k, 2),
		key: matrixOf(d, k, 2),
		valueDown: matrixOf(d, v, 2),
		valueUp: matrixOf(v, d, 2)
	});
}

/** Random embeddings (n tokens, at least one) with one or more heads that fit them. */
export function headCase(maxHeads = 1): fc.Arbitrary<{ embeddings: Matrix; heads: HeadWeights[] }> {
	return fc
		.record({
			n: fc.integer({ min: 1, max: 6 }),
			d: fc.integer({ min: 1, max: 5 }),
			k: fc.integer({ min: 1, max: 4 }),
			v: fc.integer({ min: 1, max: 3 })
		})
		.chain(({ n, d, k, v }) =>
			fc.record({
				embeddings: matrixOf(n, d, 3),
				heads: fc.array(headWeightsOf(d, k, v), { minLength: 1, maxLength: maxHeads })
			})
		);
}
