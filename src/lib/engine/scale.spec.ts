// Tests for dividing scores by √d_k.
import { describe, expect, test } from 'vitest';
import { scaleScores } from './scale.ts';

describe('scaleScores', () => {
	test('scaleScores(scores, 4) divides every score by 2', () => {
		expect(
			scaleScores(
				[
					[2, 4],
					[-6, 8]
				],
				4
			)
		).toEqual([
			[1, 2],
			[-3, 4]
		]);
	});

	test('scaleScores([[9]], 9) is [[3]]', () => {
		expect(scaleScores([[9]], 9)).toEqual([[3]]);
	});

	test('scaleScores([[1]], 1) leaves scores as they are', () => {
		expect(scaleScores([[1.5]], 1)).toEqual([[1.5]]);
	});

	test('scaleScores keeps −Infinity as −Infinity', () => {
		expect(scaleScores([[-Infinity]], 4)).toEqual([[-Infinity]]);
	});

	test('scaleScores([], 4) is []', () => {
		expect(scaleScores([], 4)).toEqual([]);
	});

	test('scaleScores throws for a keySize that is not positive and finite', () => {
		for (const bad of [0, -4, NaN, Infinity]) {
			expect(() => scaleScores([[1]], bad)).toThrow(RangeError);
		}
	});

	test('scaleScores does not change its input', () => {
		const scores = [[4]];
		scaleScores(scores, 4);
		expect(scores).toEqual([[4]]);
	});
});
