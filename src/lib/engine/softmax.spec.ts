// Tests for stable softmax: hand-worked rows, edge cases and the invariants the essay states.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { causalMask } from './mask.ts';
import { softmax, softmaxRows } from './softmax.ts';
import { expectClose, finite, matrixOf } from './test-helpers.ts';

/** A non-empty row of scores in [−limit, limit]. */
const row = (limit = 10) => fc.array(finite(limit), { minLength: 1, maxLength: 20 });

const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

describe('softmax', () => {
	test('softmax([0, 0]) is [0.5, 0.5]', () => {
		// e⁰ / (e⁰ + e⁰) = 1 / 2
		expectClose(softmax([0, 0]), [0.5, 0.5]);
	});

	test('softmax([ln 1, ln 3]) is [1/4, 3/4]', () => {
		// exp(ln 1) = 1, exp(ln 3) = 3, total 4
		expectClose(softmax([Math.log(1), Math.log(3)]), [0.25, 0.75]);
	});

	test('softmax([1, 2, 3]) is [e, e², e³] / (e + e² + e³)', () => {
		const total = Math.exp(1) + Math.exp(2) + Math.exp(3);
		expectClose(softmax([1, 2, 3]), [
			Math.exp(1) / total,
			Math.exp(2) / total,
			Math.exp(3) / total
		]);
	});

	test('softmax([0, -Infinity]) is [1, 0] with the masked weight exactly 0', () => {
		const weights = softmax([0, -Infinity]);
		expect(weights[0]).toBe(1);
		expect(weights[1]).toBe(0);
	});

	test('softmax([-Infinity, -Infinity]) is [0, 0], not NaN', () => {
		expect(softmax([-Infinity, -Infinity])).toEqual([0, 0]);
	});

	test('softmax([1e6, -1e6]) is [1, 0] without overflow', () => {
		// e^(1e6) overflows, but e^(1e6 − 1e6) = 1 and e^(−2e6) underflows to 0.
		expect(softmax([1e6, -1e6])).toEqual([1, 0]);
	});

	test('softmax([1e6, 1e6]) is [0.5, 0.5]', () => {
		expect(softmax([1e6, 1e6])).toEqual([0.5, 0.5]);
	});

	test('softmax([Infinity, 0, Infinity]) splits the weight between the infinities', () => {
		expect(softmax([Infinity, 0, Infinity])).toEqual([0.5, 0, 0.5]);
	});

	test('softmax([]) is []', () => {
		expect(softmax([])).toEqual([]);
	});

	test('softmax does not change its input', () => {
		const scores = [1, 2];
		softmax(scores);
		expect(scores).toEqual([1, 2]);
	});

	test('softmax(row) sums to 1', () => {
		fc.assert(fc.property(row(1e6), (r) => expectClose(sum(softmax(r)), 1, 1e-9)));
	});

	test('softmax(row) weights are all in [0, 1]', () => {
		fc.assert(
			fc.property(row(1e6), (r) => {
				for (const w of softmax(r)) {
					expect(w).toBeGreaterThanOrEqual(0);
					expect(w).toBeLessThanOrEqual(1);
				}
			})
		);
	});

	test('softmax(row + c) is softmax(row)', () => {
		fc.assert(
			fc.property(row(100), finite(100), (r, c) => {
				expectClose(softmax(r.map((x) => x + c)), softmax(r), 1e-9);
			})
		);
	});

	test('softmax(row) keeps the order of scores: a larger score never gets less weight', () => {
		fc.assert(
			fc.property(row(), (r) => {
				const w = softmax(r);
				r.forEach((x, i) =>
					r.forEach((y, j) => {
						if (x > y) expect(w[i]).toBeGreaterThanOrEqual(w[j]);
					})
				);
			})
		);
	});

	test('softmax(row) of inputs as large as ±1e6 gives finite weights', () => {
		const extreme = fc.array(fc.oneof(fc.constantFrom(1e6, -1e6), finite(1e6)), {
			minLength: 1,
			maxLength: 20
		});
		fc.assert(
			fc.property(extreme, (r) => {
				const w = softmax(r);
				expect(w.every(Number.isFinite)).toBe(true);
				expectClose(sum(w), 1, 1e-9);
			})
		);
	});

	test('softmax(row of −Infinity) is all zeros, never NaN', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 20 }), (n) => {
				const w = softmax(new Array<number>(n).fill(-Infinity));
				expect(w).toHaveLength(n);
				expect(w.every((x) => x === 0)).toBe(true);
			})
		);
	});

	test('softmax(row) gives −Infinity scores exactly 0 and still sums to 1', () => {
		const partlyMasked = fc
			.array(fc.oneof(finite(1e6), fc.constant(-Infinity)), { minLength: 1, maxLength: 20 })
			.filter((r) => r.some((x) => x !== -Infinity));
		fc.assert(
			fc.property(partlyMasked, (r) => {
				const w = softmax(r);
				r.forEach((x, i) => {
					if (x === -Infinity) expect(w[i] === 0).toBe(true);
				});
				expectClose(sum(w), 1, 1e-9);
			})
		);
	});
});

describe('softmaxRows', () => {
	test('softmaxRows([[0, 0], [ln 1, ln 3]]) is [[1/2, 1/2], [1/4, 3/4]]', () => {
		expectClose(
			softmaxRows([
				[0, 0],
				[Math.log(1), Math.log(3)]
			]),
			[
				[0.5, 0.5],
				[0.25, 0.75]
			]
		);
	});

	test('softmaxRows([]) is []', () => {
		expect(softmaxRows([])).toEqual([]);
	});

	test('softmaxRows(causalMask(scores)) gives masked weights of exactly 0 and rows that sum to 1', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 8 }).chain((n) => matrixOf(n, n, 1e6)),
				(scores) => {
					const weights = softmaxRows(causalMask(scores));
					weights.forEach((w, i) => {
						w.forEach((x, j) => {
							if (j > i) expect(x === 0).toBe(true);
						});
						expectClose(sum(w), 1, 1e-9);
					});
				}
			)
		);
	});
});
