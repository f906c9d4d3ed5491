// Tests for the raw score grid Q·Kᵀ.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matmul, transpose } from './matrix.ts';
import { dotProductScores } from './scores.ts';
import { expectClose, matrixOf } from './test-helpers.ts';

describe('dotProductScores', () => {
	test('dotProductScores(Q, K) has one row per query and one column per key', () => {
		// Q rows pick out the first and second coordinate of each key.
		const Q = [
			[1, 0],
			[0, 1]
		];
		const K = [
			[1, 2],
			[3, 4],
			[5, 6]
		];
		expect(dotProductScores(Q, K)).toEqual([
			[1, 3, 5],
			[2, 4, 6]
		]);
	});

	test('dotProductScores([[1, 2]], [[3, -1]]) is [[1]]', () => {
		// 1·3 + 2·(−1) = 1
		expect(dotProductScores([[1, 2]], [[3, -1]])).toEqual([[1]]);
	});

	test('dotProductScores([], []) is [] and with no keys each query row is empty', () => {
		expect(dotProductScores([], [])).toEqual([]);
		expect(dotProductScores([[1, 2]], [])).toEqual([[]]);
	});

	test('dotProductScores throws when queries and keys differ in length', () => {
		expect(() => dotProductScores([[1, 2]], [[1, 2, 3]])).toThrow(/lengths 2 and 3/);
	});

	test('dotProductScores(Q, K) is matmul(Q, transpose(K))', () => {
		const shapes = fc.tuple(
			fc.integer({ min: 1, max: 5 }),
			fc.integer({ min: 1, max: 5 }),
			fc.integer({ min: 1, max: 4 })
		);
		fc.assert(
			fc.property(
				shapes.chain(([n, m, d]) => fc.tuple(matrixOf(n, d), matrixOf(m, d))),
				([Q, K]) => expectClose(dotProductScores(Q, K), matmul(Q, transpose(K)), 1e-12)
			)
		);
	});
});
