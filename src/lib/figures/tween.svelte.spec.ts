// Tests for Tweened: a change eases from what is on screen to the target over animation frames, and
// lands on it exactly.
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DURATION, Tweened } from './tween.svelte.ts';

/** Animation frames run by hand, each at a time given by the test. */
let frames: { id: number; run: (now: number) => void }[] = [];
let nextId = 1;

beforeEach(() => {
	frames = [];
	vi.stubGlobal('requestAnimationFrame', (run: (now: number) => void) => {
		frames.push({ id: nextId, run });
		return nextId++;
	});
	vi.stubGlobal('cancelAnimationFrame', (id: number) => {
		frames = frames.filter((f) => f.id !== id);
	});
});
afterEach(() => vi.unstubAllGlobals());

/** Runs the frames waiting now (not those they ask for), at time `now`. */
function frame(now: number) {
	const due = frames;
	frames = [];
	for (const f of due) f.run(now);
	flushSync();
}

/** A Tweened of `{ x, label }` following a target the test sets; `stop` ends its effects. */
function follow(
	prepare?: (
		from: { x: number; kind: string },
		to: { x: number; kind: string }
	) => { x: number; kind: string }
) {
	let target = $state({ x: 0, kind: 'a' });
	let tween!: Tweened<{ x: number; kind: string }>;
	const stop = $effect.root(() => {
		tween = new Tweened(() => target, { reduced: () => false, prepare });
	});
	flushSync();
	return {
		tween,
		stop,
		set: (next: { x: number; kind: string }) => {
			target = next;
			flushSync();
		}
	};
}

describe('Tweened', () => {
	test('starts at the target itself, with no frame asked for', () => {
		const { tween, stop } = follow();
		expect(tween.current).toEqual({ x: 0, kind: 'a' });
		expect(frames).toHaveLength(0);
		stop();
	});

	test('a change eases over the duration from its first frame and lands on the target', () => {
		const { tween, stop, set } = follow();
		set({ x: 100, kind: 'a' });
		expect(frames).toHaveLength(1);
		// The first frame starts the clock, at t = 0: nothing has moved yet.
		frame(1000);
		expect(tween.current.x).toBe(0);
		expect(frames).toHaveLength(1);
		// Half-way through the duration the value is half-way (cubic in-out is 0.5 at 0.5).
		frame(1000 + DURATION / 2);
		expect(tween.current.x).toBeCloseTo(50, 6);
		// And it lands exactly on the target, asking for no more frames.
		frame(1000 + DURATION);
		expect(tween.current).toEqual({ x: 100, kind: 'a' });
		expect(frames).toHaveLength(0);
		stop();
	});

	test('a target equal to what is on screen asks for no frame', () => {
		const { tween, stop, set } = follow();
		const before = tween.current;
		set({ x: 0, kind: 'a' });
		expect(frames).toHaveLength(0);
		expect(tween.current).toBe(before);
		stop();
	});

	test('a start that prepare changed is shown in the first frame', () => {
		// A change of kind jumps x instead of moving it, as the grid does between scores and weights.
		const { tween, stop, set } = follow((from, to) => {
			if (from.kind !== to.kind) from.x = to.x;
			return from;
		});
		set({ x: 7, kind: 'b' });
		frame(2000);
		expect(tween.current).toEqual({ x: 7, kind: 'b' });
		stop();
	});

	test('a new target mid-move starts from what is on screen', () => {
		const { tween, stop, set } = follow();
		set({ x: 100, kind: 'a' });
		frame(0);
		frame(DURATION / 2);
		set({ x: 0, kind: 'a' });
		// The old move's frame is cancelled; the new one's first frame keeps x where it was.
		frame(DURATION);
		expect(frames).toHaveLength(1);
		expect(tween.current.x).toBeCloseTo(50, 6);
		frame(DURATION * 2);
		expect(tween.current.x).toBe(0);
		stop();
	});
});
