// share(): a recomputed value keeps the previous one's parts wherever they are equal as data.
import { describe, expect, test } from 'vitest';
import { share, sharing } from './share.ts';

describe('share(prev, next)', () => {
	test('equal data returns the previous value itself, however deep', () => {
		const prev = { tokens: ['the', 'dog'], grid: [[0.1, 0.9]], on: true, name: null };
		const next = { tokens: ['the', 'dog'], grid: [[0.1, 0.9]], on: true, name: null };
		expect(share(prev, next)).toBe(prev);
	});

	test('a changed leaf gives a new container, and every unchanged sibling keeps its identity', () => {
		const prev = { tokens: ['the', 'hot', 'dog'], unknown: [false, false, false], w: [[1, 0]] };
		const next = { tokens: ['the', 'cold', 'dog'], unknown: [false, false, false], w: [[1, 0]] };
		const out = share(prev, next);
		expect(out).not.toBe(prev);
		expect(out).toEqual(next);
		expect(out.unknown).toBe(prev.unknown);
		expect(out.w).toBe(prev.w);
		expect(out.tokens).not.toBe(prev.tokens);
		expect(out.tokens).toEqual(['the', 'cold', 'dog']);
	});

	test('rows of a matrix are shared one by one', () => {
		const prev = [
			[1, 2],
			[3, 4],
			[5, 6]
		];
		const out = share(prev, [
			[1, 2],
			[3, 5],
			[5, 6]
		]);
		expect(out[0]).toBe(prev[0]);
		expect(out[1]).not.toBe(prev[1]);
		expect(out[2]).toBe(prev[2]);
	});

	test('a change of length, of keys or of kind is a change', () => {
		const list = [1, 2];
		const longer = share(list, [1, 2, 3]);
		expect(longer).not.toBe(list);
		expect(longer).toEqual([1, 2, 3]);
		expect(share(list, [1])).toEqual([1]);
		const box = { a: 1 };
		expect(share(box, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
		expect(share({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
		expect(share({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
		expect(share([1], { 0: 1 })).toEqual({ 0: 1 });
		expect(share(undefined, [1])).toEqual([1]);
	});

	test('numbers compare as Object.is: NaN equals NaN, 0 differs from −0, infinities are kept', () => {
		const prev = [NaN, 0, -Infinity];
		expect(share(prev, [NaN, 0, -Infinity])).toBe(prev);
		expect(share([0], [-0])[0]).toBe(-0);
		const box = { x: NaN };
		expect(share(box, { x: NaN })).toBe(box);
	});

	test('class instances are compared by identity, never taken apart', () => {
		const a = new Date(0);
		const b = new Date(0);
		expect(share({ d: a }, { d: b }).d).toBe(b);
	});

	test('neither argument is changed', () => {
		const prev = { a: [1, 2], b: { c: 3 } };
		const next = { a: [1, 9], b: { c: 3 } };
		const before = JSON.stringify([prev, next]);
		share(prev, next);
		expect(JSON.stringify([prev, next])).toBe(before);
	});
});

describe('sharing()', () => {
	test('each value is shared with the one returned last', () => {
		const keep = sharing<{ xs: number[]; n: number }>();
		const first = keep({ xs: [1, 2], n: 1 });
		const second = keep({ xs: [1, 2], n: 2 });
		expect(second.xs).toBe(first.xs);
		expect(second.n).toBe(2);
		const third = keep({ xs: [1, 2], n: 2 });
		expect(third).toBe(second);
	});

	test('the first value is returned as given', () => {
		const keep = sharing<number[]>();
		const xs = [1];
		expect(keep(xs)).toBe(xs);
	});
});
