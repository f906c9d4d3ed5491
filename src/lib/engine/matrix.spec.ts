// Tests for the plain-array matrix operations.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { addMatrices, matmul, transpose, zeros } from './matrix.ts';
import { expectClose, matrixOf } from './test-helpers.ts';

describe('matmul', () => {
	test('matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]) is [[19, 22], [43, 50]]', () => {
		// [1·5 + 2·7, 1·6 + 2·8] = [19, 22]; [3·5 + 4·7, 3·6 + 4·8] = [43, 50]
		expect(
			matmul(
				[
					[1, 2],
					[3, 4]
				],
				[
					[5, 6],
					[7, 8]
				]
			)
		).toEqual([
			[19, 22],
			[43, 50]
		]);
	});

	test('matmul of a 2×3 by a 3×1 is 2×1', () => {
		// [1·1 + 2·0 + 3·(−1)] = [−2]; [4·1 + 5·0 + 6·(−1)] = [−2]
		expect(
			matmul(
				[
					[1, 2, 3],
					[4, 5, 6]
				],
				[[1], [0], [-1]]
			)
		).toEqual([[-2], [-2]]);
	});

	test('matmul([], B) is []', () => {
		expect(matmul([], [[1, 2]])).toEqual([]);
	});

	test('matmul throws a clear error on a shape mismatch', () => {
		expect(() => matmul([[1, 2]], [[1], [2], [3]])).toThrow(
			'matmul: cannot multiply 1×2 by 3×1: the left matrix has 2 columns but the right matrix has 3 rows'
		);
	});

	test('matmul throws on a ragged matrix', () => {
		expect(() => matmul([[1, 2], [3]], [[1], [2]])).toThrow(/row 1 has 1 columns/);
		expect(() => matmul([[1, 2]], [[1, 2], [3]])).toThrow(/right matrix/);
	});

	test('matmul(A, I) is A', () => {
		fc.assert(
			fc.property(
				fc
					.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
					.chain(([n, d]) => matrixOf(n, d)),
				(a) => {
					const d = a[0].length;
					const identity = Array.from({ length: d }, (_, i) =>
						Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))
					);
					expectClose(matmul(a, identity), a, 0);
				}
			)
		);
	});

	test('transpose(matmul(A, B)) is matmul(transpose(B), transpose(A))', () => {
		const shapes = fc.tuple(
			fc.integer({ min: 1, max: 4 }),
			fc.integer({ min: 1, max: 4 }),
			fc.integer({ min: 1, max: 4 })
		);
		fc.assert(
			fc.property(
				shapes.chain(([n, m, k]) => fc.tuple(matrixOf(n, m), matrixOf(m, k))),
				([a, b]) => {
					expectClose(transpose(matmul(a, b)), matmul(transpose(b), transpose(a)), 1e-9);
				}
			)
		);
	});
});

describe('transpose', () => {
	test('transpose([[1, 2, 3], [4, 5, 6]]) is [[1, 4], [2, 5], [3, 6]]', () => {
		expect(
			transpose([
				[1, 2, 3],
				[4, 5, 6]
			])
		).toEqual([
			[1, 4],
			[2, 5],
			[3, 6]
		]);
	});

	test('transpose([]) is []', () => {
		expect(transpose([])).toEqual([]);
	});

	test('transpose(transpose(M)) is M', () => {
		fc.assert(
			fc.property(
				fc
					.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
					.chain(([n, d]) => matrixOf(n, d)),
				(m) => {
					expect(transpose(transpose(m))).toEqual(m);
				}
			)
		);
	});
});

describe('addMatrices', () => {
	test('addMatrices([[1, 2], [3, 4]], [[10, 20], [30, 40]]) is [[11, 22], [33, 44]]', () => {
		expect(
			addMatrices(
				[
					[1, 2],
					[3, 4]
				],
				[
					[10, 20],
					[30, 40]
				]
			)
		).toEqual([
			[11, 22],
			[33, 44]
		]);
	});

	test('addMatrices([], []) is []', () => {
		expect(addMatrices([], [])).toEqual([]);
	});

	test('addMatrices throws when shapes differ', () => {
		expect(() => addMatrices([[1, 2]], [[1, 2, 3]])).toThrow(
			'addMatrices: cannot add 1×2 and 1×3: shapes must match'
		);
		expect(() => addMatrices([[1]], [[1], [2]])).toThrow(/1×1 and 2×1/);
	});

	test('addMatrices does not change its inputs', () => {
		const a = [[1, 2]];
		const b = [[3, 4]];
		addMatrices(a, b);
		expect(a).toEqual([[1, 2]]);
		expect(b).toEqual([[3, 4]]);
	});
});

describe('zeros', () => {
	test('zeros(2, 3) is [[0, 0, 0], [0, 0, 0]]', () => {
		expect(zeros(2, 3)).toEqual([
			[0, 0, 0],
			[0, 0, 0]
		]);
	});

	test('zeros(0, 3) is []', () => {
		expect(zeros(0, 3)).toEqual([]);
	});

	test('zeros(2, 2) rows are independent arrays', () => {
		const m = zeros(2, 2);
		m[0][0] = 5;
		expect(m[1][0]).toBe(0);
	});
});
