// plan(): what a tween moves between two values, and what it leaves alone.
import { describe, expect, test } from 'vitest';
import { plan } from './tween.svelte.ts';

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
