// Tests for applying attention weights to value vectors.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { softmaxRows } from './softmax.ts';
import { expectClose, matrixOf } from './test-helpers.ts';
import { weightedSum } from './weighted-sum.ts';

describe('weightedSum', () => {
	test('weightedSum(weights, values) mixes value rows by each query’s weights', () => {
		const weights = [
			[0.25, 0.75],
			[1, 0]
		];
		const values = [
			[4, 0],
			[0, 8]
		];
		// row 0: 0.25·[4, 0] + 0.75·[0, 8] = [1, 6]; row 1: 1·[4, 0] + 0·[0, 8] = [4, 0]
		expect(weightedSum(weights, values)).toEqual([
			[1, 6],
			[4, 0]
		]);
	});

	test('weightedSum([], values) is []', () => {
		expect(weightedSum([], [[1, 2]])).toEqual([]);
	});

	test('weightedSum throws when weights and values disagree on the number of keys', () => {
		expect(() => weightedSum([[0.5, 0.5]], [[1, 2]])).toThrow(
			/2 columns but the right matrix has 1 rows/
		);
	});

	test('weightedSum(softmax weights, values) stays between each column’s min and max', () => {
		const shapes = fc.tuple(
			fc.integer({ min: 1, max: 5 }),
			fc.integer({ min: 1, max: 5 }),
			fc.integer({ min: 1, max: 4 })
		);
		fc.assert(
			fc.property(
				shapes.chain(([n, m, d]) => fc.tuple(matrixOf(n, m), matrixOf(m, d))),
				([scores, values]) => {
					const out = weightedSum(softmaxRows(scores), values);
					out.forEach((row) =>
						row.forEach((x, k) => {
							const column = values.map((v) => v[k]);
							expect(x).toBeGreaterThanOrEqual(Math.min(...column) - 1e-9);
							expect(x).toBeLessThanOrEqual(Math.max(...column) + 1e-9);
						})
					);
				}
			)
		);
	});

	test('weightedSum(one-hot weights, values) picks out value rows', () => {
		fc.assert(
			fc.property(
				fc
					.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }))
					.chain(([m, d]) => fc.tuple(matrixOf(m, d), fc.integer({ min: 0, max: m - 1 }))),
				([values, pick]) => {
					const oneHot = [values.map((_, j) => (j === pick ? 1 : 0))];
					expectClose(weightedSum(oneHot, values), [values[pick]], 0);
				}
			)
		);
	});
});
