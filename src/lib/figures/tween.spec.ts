// plan(): what a tween moves between two values, and what it leaves alone; sameData(): equal as data.
import { describe, expect, test } from 'vitest';
import { plan, sameData } from './tween.svelte.ts';

describe('plan(from, to)', () => {
	test('equal data plans nothing, even when built as new objects', () => {
		expect(plan(1, 1)).toBeNull();
		expect(plan({ a: [1, 2], b: 'x', c: true }, { a: [1, 2], b: 'x', c: true })).toBeNull();
		expect(plan([[0, 1]], [[0, 1]])).toBeNull();
	});

	test('any difference, however deep, plans a move', () => {
		expect(plan({ a: [[1, 2]] }, { a: [[1, 3]] })).not.toBeNull();
		expect(plan([1, 2], [1, 2, 3])).not.toBeNull();
		expect(plan({ a: 1 }, { a: 1, b: 2 })).not.toBeNull();
		expect(plan({ a: 1, b: 2 }, { a: 1 })).not.toBeNull();
		expect(plan({ on: false }, { on: true })).not.toBeNull();
	});

	test('numbers ease from the first value and land exactly on the second', () => {
		const move = plan({ x: 0, y: [10] }, { x: 4, y: [20] })!;
		expect(move(0)).toEqual({ x: 0, y: [10] });
		expect(move(0.5)).toEqual({ x: 2, y: [15] });
		expect(move(1)).toEqual({ x: 4, y: [20] });
		const third = plan(0.1, 0.7)!;
		expect(third(1)).toBe(0.7);
	});

	test('parts that do not move keep their identity on every frame, the last one included', () => {
		const still = [1, 2, 3];
		const from = { still, moving: [0] };
		const move = plan(from, { still: [1, 2, 3], moving: [1] })!;
		const frames = [0.25, 0.75, 1].map((t) => move(t) as typeof from);
		for (const frame of frames) expect(frame.still).toBe(still);
		expect(frames[0].moving).not.toBe(frames[1].moving);
		expect(frames[2].moving).toEqual([1]);
	});

	test('booleans and a change of shape are taken from the target at once', () => {
		const move = plan(
			{ kind: 'score', on: false, values: [1] },
			{ kind: 'weight', on: true, values: [3, 5] }
		)!;
		expect(move(0.5)).toEqual({ kind: 'weight', on: true, values: [2, 5] });
		expect(plan(null, [1])!(0.5)).toEqual([1]);
		expect(plan([1], { a: 1 })!(0.5)).toEqual({ a: 1 });
	});

	test('numbers inside strings move, as d3 interpolates them', () => {
		const move = plan('translate(0,0)', 'translate(10,20)')!;
		expect(move(0.5)).toBe('translate(5,10)');
		expect(move(1)).toBe('translate(10,20)');
	});

	test('a number that is not finite jumps instead of producing NaN', () => {
		expect(plan(-Infinity, 2)!(0.5)).toBe(2);
		expect(plan(2, Number.NaN)!(0.5)).toBeNaN();
		expect(plan(undefined, 2)!(0.5)).toBe(2);
	});
});

describe('sameData(a, b)', () => {
	test('equal data is the same, however it was built; any difference is not', () => {
		expect(sameData({ a: [[1, 2]], b: 'x', c: null }, { a: [[1, 2]], b: 'x', c: null })).toBe(true);
		expect(sameData(Number.NaN, Number.NaN)).toBe(true);
		expect(sameData({ a: [[1, 2]] }, { a: [[1, 3]] })).toBe(false);
		expect(sameData([1, 2], [1, 2, 3])).toBe(false);
		expect(sameData({ a: 1 }, { a: 1, b: 2 })).toBe(false);
		expect(sameData({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
		expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
		expect(sameData([1], { 0: 1 })).toBe(false);
		expect(sameData({ 0: 1 }, [1])).toBe(false);
		expect(sameData(0, -0)).toBe(false);
		expect(sameData('1', 1)).toBe(false);
	});

	test('agrees with plan(a, b) === null on thousands of random pairs, near-equal ones included', () => {
		// A small seeded generator, so a failure names a pair that can be found again.
		let seed = 7;
		const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
		const leaf = () =>
			pick<unknown>([
				0,
				-0,
				1,
				2.5,
				Number.NaN,
				Infinity,
				'',
				'a',
				'a1',
				true,
				false,
				null,
				undefined
			]);
		const make = (depth: number): unknown => {
			const r = rand();
			if (depth === 0 || r < 0.4) return leaf();
			if (r < 0.7) return Array.from({ length: Math.floor(rand() * 4) }, () => make(depth - 1));
			const out: Record<string, unknown> = {};
			for (const k of ['a', 'b', 'c'].slice(0, Math.floor(rand() * 4))) out[k] = make(depth - 1);
			return out;
		};
		/** A copy of `v` with, sometimes, one part changed somewhere inside. */
		const mutate = (v: unknown, depth: number): unknown => {
			if (rand() < 0.15 || depth === 0) return rand() < 0.5 ? structuredClone(v) : make(2);
			if (Array.isArray(v)) {
				const copy = v.map((x) => structuredClone(x));
				if (copy.length && rand() < 0.8) {
					const i = Math.floor(rand() * copy.length);
					copy[i] = mutate(copy[i], depth - 1);
				} else if (rand() < 0.5) copy.push(leaf());
				return copy;
			}
			if (v !== null && typeof v === 'object') {
				const copy: Record<string, unknown> = structuredClone(v) as Record<string, unknown>;
				const keys = Object.keys(copy);
				if (keys.length && rand() < 0.8) {
					const k = pick(keys);
					copy[k] = mutate(copy[k], depth - 1);
				} else if (rand() < 0.5) copy.d = leaf();
				else if (keys.length) delete copy[pick(keys)];
				return copy;
			}
			return rand() < 0.5 ? v : leaf();
		};
		let same = 0;
		let different = 0;
		for (let i = 0; i < 4000; i++) {
			const a = make(4);
			const b = mutate(a, 4);
			const expected = plan(a, b) === null;
			expect(sameData(a, b), JSON.stringify([a, b])).toBe(expected);
			if (expected) same += 1;
			else different += 1;
		}
		// Both answers came up often enough for the agreement to mean something.
		expect(same).toBeGreaterThan(400);
		expect(different).toBeGreaterThan(400);
	});
});
