// Tests for single-vector arithmetic and the nearest-meaning ranking.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { add, cosine, dot, nearest, norm, scaleVector, subtract } from './vector.ts';
import { expectClose, finite } from './test-helpers.ts';

describe('dot', () => {
	test('dot([1, 2, 3], [4, 5, 6]) is 32', () => {
		// 1·4 + 2·5 + 3·6 = 4 + 10 + 18 = 32
		expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
	});

	test('dot([], []) is 0', () => {
		expect(dot([], [])).toBe(0);
	});

	test('dot throws when lengths differ', () => {
		expect(() => dot([1, 2], [1, 2, 3])).toThrow(
			'dot: vectors have lengths 2 and 3; they must match'
		);
	});
});

describe('norm', () => {
	test('norm([3, 4]) is 5', () => {
		// √(9 + 16) = √25 = 5
		expect(norm([3, 4])).toBe(5);
	});

	test('norm([3e200, 4e200]) is 5e200 without overflow', () => {
		expectClose(norm([3e200, 4e200]), 5e200, 1e188);
	});

	test('norm([]) is 0', () => {
		expect(norm([])).toBe(0);
	});
});

describe('add, subtract and scaleVector', () => {
	test('add([1, 2], [10, 20]) is [11, 22]', () => {
		expect(add([1, 2], [10, 20])).toEqual([11, 22]);
	});

	test('subtract([1, 2], [10, 20]) is [-9, -18]', () => {
		expect(subtract([1, 2], [10, 20])).toEqual([-9, -18]);
	});

	test('scaleVector([1, -2], 3) is [3, -6]', () => {
		expect(scaleVector([1, -2], 3)).toEqual([3, -6]);
	});

	test('add and subtract throw when lengths differ', () => {
		expect(() => add([1], [1, 2])).toThrow(/add/);
		expect(() => subtract([1], [1, 2])).toThrow(/subtract/);
	});

	test('subtract(add(a, b), b) is a', () => {
		fc.assert(
			fc.property(
				fc
					.integer({ min: 0, max: 8 })
					.chain((n) =>
						fc.tuple(
							fc.array(finite(), { minLength: n, maxLength: n }),
							fc.array(finite(), { minLength: n, maxLength: n })
						)
					),
				([a, b]) => expectClose(subtract(add(a, b), b), a, 1e-12)
			)
		);
	});
});

describe('cosine', () => {
	test('cosine([1, 0], [0, 1]) is 0 for perpendicular vectors', () => {
		expect(cosine([1, 0], [0, 1])).toBe(0);
	});

	test('cosine([1, 2], [2, 4]) is 1 for parallel vectors', () => {
		// (2 + 8) / (√5 · √20) = 10 / 10 = 1
		expectClose(cosine([1, 2], [2, 4]), 1);
	});

	test('cosine([1, 0], [-3, 0]) is -1 for opposite vectors', () => {
		expectClose(cosine([1, 0], [-3, 0]), -1);
	});

	test('cosine([1, 1], [1, 0]) is 1/√2', () => {
		// 1 / (√2 · 1)
		expectClose(cosine([1, 1], [1, 0]), 1 / Math.SQRT2);
	});

	test('cosine of tiny or huge vectors does not underflow or overflow', () => {
		// [1e-200, 0] and [1e-200, 1e-200] point along [1, 0] and [1, 1]: cosine 1/√2
		expectClose(cosine([1e-200, 0], [1e-200, 1e-200]), 1 / Math.SQRT2);
		expectClose(cosine([1e200, 0], [3e200, 0]), 1);
	});

	test('cosine(v, zero vector) is 0', () => {
		expect(cosine([1, 2], [0, 0])).toBe(0);
		expect(cosine([0, 0], [0, 0])).toBe(0);
	});

	test('cosine(a, b) stays in [-1, 1] and ignores positive scaling', () => {
		// Subnormal entries (below ~2.2e-308) lose their digits when scaled by 0.1, changing the
		// direction itself, so entries that small are flushed to 0 here.
		const entry = finite().map((x) => (Math.abs(x) < 1e-300 ? 0 : x));
		fc.assert(
			fc.property(
				fc
					.integer({ min: 1, max: 6 })
					.chain((n) =>
						fc.tuple(
							fc.array(entry, { minLength: n, maxLength: n }),
							fc.array(entry, { minLength: n, maxLength: n }),
							fc.double({ min: 0.1, max: 10, noNaN: true })
						)
					),
				([a, b, s]) => {
					const c = cosine(a, b);
					expect(c).toBeGreaterThanOrEqual(-1);
					expect(c).toBeLessThanOrEqual(1);
					expectClose(cosine(a, scaleVector(b, s)), c, 1e-9);
				}
			)
		);
	});
});

describe('nearest', () => {
	test('nearest([1, 0], candidates) ranks by cosine similarity, highest first', () => {
		const ranked = nearest([1, 0], {
			up: [0, 1],
			left: [-1, 0],
			right: [2, 0],
			diagonal: [1, 1]
		});
		expect(ranked.map((r) => r.name)).toEqual(['right', 'diagonal', 'up', 'left']);
		// right: parallel → 1; diagonal: 1/√2; up: perpendicular → 0; left: opposite → −1
		expectClose(
			ranked.map((r) => r.similarity),
			[1, 1 / Math.SQRT2, 0, -1]
		);
	});

	test('nearest(v, {}) is []', () => {
		expect(nearest([1, 2], {})).toEqual([]);
	});
});
