// Motion for figures: a value that eases from what is on screen to a new target, or jumps there.
//
//   target() changes ──▶ $effect ──▶ reduced motion? ──yes──▶ current = target
//                                         │no
//                                         ▼
//              d3 interpolate(current, target) over DURATION ms, rAF, eased; lands on target
//
// The first value is the target itself, so server rendering and the first client render show the
// final state directly; effects (and so motion) only ever run in the browser.
import { interpolate } from 'd3-interpolate';
import { untrack } from 'svelte';
import { cubicInOut } from 'svelte/easing';

/** How long a figure takes to move from one state to the next, in milliseconds. */
export const DURATION = 550;

/** Whether the reader asked the operating system for reduced motion (always false on the server). */
export function prefersReducedMotion(): boolean {
	return (
		typeof window !== 'undefined' &&
		typeof window.matchMedia === 'function' &&
		window.matchMedia('(prefers-reduced-motion: reduce)').matches
	);
}

/** The duration a view transition should take: 0 when motion is reduced. */
export function motionDuration(reduced: boolean | undefined, ms = DURATION): number {
	return reduced || prefersReducedMotion() ? 0 : ms;
}

/** A deep copy of plain data (numbers, strings, booleans, arrays, plain objects). */
function copy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copy) as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = copy(v);
		return out as T;
	}
	return value;
}

export interface TweenOptions<T> {
	/** True to jump instead of moving (the figure's `reducedMotion` prop). */
	reduced?: () => boolean | undefined;
	/**
	 * Adjusts the starting point before interpolating, e.g. to jump a value that should not be
	 * tweened (numbers of a different kind). Receives copies; may mutate and return `from`.
	 */
	prepare?: (from: T, to: T) => T;
}

/**
 * Plain data (numbers, arrays, objects) that eases toward `target()` whenever it changes.
 * Create it during component initialisation. Numbers, arrays of numbers and nested objects
 * interpolate; strings and booleans are taken from the target at once.
 */
export class Tweened<T extends object> {
	/** What to draw now. */
	current: T = $state.raw() as T;

	constructor(target: () => T, options: TweenOptions<T> = {}) {
		this.current = target();
		let first = true;
		$effect(() => {
			const to = target();
			if (first) {
				first = false;
				this.current = to;
				return;
			}
			const from = untrack(() => this.current);
			const duration = motionDuration(options.reduced?.());
			if (duration === 0) {
				this.current = to;
				return;
			}
			const start = options.prepare ? options.prepare(copy(from), to) : from;
			const between = interpolate(start, to) as (t: number) => T;
			const set = (value: T) => (this.current = value);
			let began: number | null = null;
			let frame = requestAnimationFrame(function tick(this: void, now: number) {
				began ??= now;
				const t = Math.min(1, (now - began) / duration);
				if (t >= 1) {
					set(to);
					return;
				}
				// d3 reuses one object between calls; copy so Svelte sees a new value each frame.
				set(copy(between(cubicInOut(t))));
				frame = requestAnimationFrame(tick);
			});
			return () => cancelAnimationFrame(frame);
		});
	}
}
