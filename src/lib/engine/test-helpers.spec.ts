// Checks the float-comparison helper the other specs rely on, so a lenient helper cannot hide bugs.
import { describe, expect, test } from 'vitest';
import { expectClose } from './test-helpers.ts';

describe('expectClose', () => {
	test('expectClose(0.1 + 0.2, 0.3) passes within the default 1e-9', () => {
		expect(() => expectClose(0.1 + 0.2, 0.3)).not.toThrow();
	});

	test('expectClose(1, 1.001) throws with the default delta', () => {
		expect(() => expectClose(1, 1.001)).toThrow(/expected 1\.001 ± 1e-9 but got 1/);
	});

	test('expectClose(1, 1.001, 0.01) passes with a wider delta', () => {
		expect(() => expectClose(1, 1.001, 0.01)).not.toThrow();
	});

	test('expectClose([[1, 2]], [[1, 3]]) names the failing cell', () => {
		expect(() => expectClose([[1, 2]], [[1, 3]])).toThrow(/\[0\]\[1\]/);
	});

	test('expectClose([1, 2], [1, 2, 3]) throws on a shape mismatch', () => {
		expect(() => expectClose([1, 2], [1, 2, 3])).toThrow(/length 3 but got 2/);
	});

	test('expectClose([[1]], [1]) throws when nesting differs', () => {
		expect(() => expectClose([[1]], [1])).toThrow(/expected a number/);
	});

	test('expectClose(-Infinity, -Infinity) passes and expectClose(NaN, NaN) throws', () => {
		expect(() => expectClose(-Infinity, -Infinity)).not.toThrow();
		expect(() => expectClose(NaN, NaN)).toThrow();
		expect(() => expectClose(Infinity, -Infinity)).toThrow();
	});

	test('expectClose(x, y, 0) demands exact equality', () => {
		expect(() => expectClose(-0, 0, 0)).not.toThrow();
		expect(() => expectClose(1, 1 + Number.EPSILON, 0)).toThrow();
	});
});
