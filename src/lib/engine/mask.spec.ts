// Tests for the causal mask.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { causalMask, isMaskedCell } from './mask.ts';
import { matrixOf } from './test-helpers.ts';

const I = Infinity;

describe('isMaskedCell', () => {
	test('isMaskedCell(0, 1) is true: the first query may not see the second key', () => {
		expect(isMaskedCell(0, 1)).toBe(true);
	});

	test('isMaskedCell(1, 0) and isMaskedCell(2, 2) are false: earlier keys and itself', () => {
		expect(isMaskedCell(1, 0)).toBe(false);
		expect(isMaskedCell(2, 2)).toBe(false);
	});
});

describe('causalMask', () => {
	test('causalMask of a 3×3 grid hides everything above the diagonal', () => {
		expect(
			causalMask([
				[1, 2, 3],
				[4, 5, 6],
				[7, 8, 9]
			])
		).toEqual([
			[1, -I, -I],
			[4, 5, -I],
			[7, 8, 9]
		]);
	});

	test('causalMask of a 2×3 grid masks by column > row', () => {
		expect(
			causalMask([
				[1, 2, 3],
				[4, 5, 6]
			])
		).toEqual([
			[1, -I, -I],
			[4, 5, -I]
		]);
	});

	test('causalMask returns a copy and leaves its input alone', () => {
		const scores = [
			[1, 2],
			[3, 4]
		];
		const masked = causalMask(scores);
		expect(masked).not.toBe(scores);
		expect(scores).toEqual([
			[1, 2],
			[3, 4]
		]);
	});

	test('causalMask([]) is []', () => {
		expect(causalMask([])).toEqual([]);
	});

	test('causalMask(scores) keeps visible cells and sets hidden ones to −Infinity', () => {
		fc.assert(
			fc.property(
				fc
					.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
					.chain(([n, m]) => matrixOf(n, m)),
				(scores) => {
					const masked = causalMask(scores);
					scores.forEach((row, i) =>
						row.forEach((x, j) => expect(masked[i][j]).toBe(j > i ? -Infinity : x))
					);
				}
			)
		);
	});
});
