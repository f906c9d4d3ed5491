// Motion for figures: a value that eases from what is on screen to a new target, or jumps there.
//
//   target() changes ──▶ $effect ──▶ plan(current, target): equal? ──yes──▶ nothing to do
//                                         │no
//                                         ▼
//                        reduced motion? ──yes──▶ current = target (equal parts kept)
//                                         │no
//                                         ▼
//              ease only the parts that differ over DURATION ms, rAF; lands on target
//
// The first value is the target itself, so server rendering and the first client render show the
// final state directly; effects (and so motion) only ever run in the browser.
import { interpolate, interpolateNumber } from 'd3-interpolate';
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

/**
 * A cross-fade for figure views, like Svelte's `fade` but without reading the element's computed
 * opacity first (which forces a style recalculation in the frame a step changes): views are
 * always fully opaque at rest.
 */
export function fadeView(_node: Element, { duration = DURATION }: { duration?: number } = {}) {
	return { duration, css: (t: number) => `opacity: ${t}` };
}

/**
 * How a value gets from `a` to `b`, as a function of eased time t (0 to 1), or null when the two
 * are equal as data. Numbers interpolate; strings go through d3's string interpolation (numbers
 * inside them move; a string without numbers jumps); arrays and plain objects recurse; anything
 * else (booleans, null, a change of shape) takes `b` at once. Only arrays and objects that hold
 * something moving are rebuilt on each frame: equal parts keep `a`'s value (the one on screen),
 * as the same object, so whatever reads only unchanged parts has nothing to redo.
 */
export function plan(a: unknown, b: unknown): ((t: number) => unknown) | null {
	if (Object.is(a, b)) return null;
	if (typeof b === 'number') {
		if (typeof a !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return () => b;
		const between = interpolateNumber(a, b);
		return (t) => (t >= 1 ? b : between(t));
	}
	if (typeof b === 'string') {
		if (typeof a !== 'string') return () => b;
		const between = interpolate(a, b) as (t: number) => string;
		return (t) => (t >= 1 ? b : between(t));
	}
	if (Array.isArray(b)) {
		if (!Array.isArray(a)) return () => b;
		const parts = b.map((v, i) => (i < a.length ? plan(a[i], v) : () => v));
		if (a.length === b.length && parts.every((p) => p === null)) return null;
		return (t) => parts.map((p, i) => (p === null ? a[i] : p(t)));
	}
	if (isPlainObject(b)) {
		if (!isPlainObject(a)) return () => b;
		const keys = Object.keys(b);
		const parts = keys.map((k) => (k in a ? plan(a[k], b[k]) : () => b[k]));
		const sameKeys = keys.length === Object.keys(a).length;
		if (sameKeys && parts.every((p) => p === null)) return null;
		return (t) => {
			const out: Record<string, unknown> = {};
			keys.forEach((k, i) => {
				const p = parts[i];
				out[k] = p === null ? a[k] : p(t);
			});
			return out;
		};
	}
	return () => b;
}

/**
 * Whether two values are equal as plain data (numbers, strings, booleans, arrays, objects): what
 * `plan` calls equal (it returns null for them), but found without building any interpolator and
 * stopping at the first difference. A step change asks this of each of the figure's props, in the
 * task that draws the new step; building an interpolator for every difference only to drop it was
 * work for nothing there.
 */
export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (Array.isArray(b)) {
		if (!Array.isArray(a) || a.length !== b.length) return false;
		for (let i = 0; i < b.length; i++) if (!sameData(a[i], b[i])) return false;
		return true;
	}
	if (isPlainObject(b)) {
		if (!isPlainObject(a)) return false;
		const keys = Object.keys(b);
		if (keys.length !== Object.keys(a).length) return false;
		for (const k of keys) if (!(k in a) || !sameData(a[k], b[k])) return false;
		return true;
	}
	return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A copy one level deep: its fields (or elements) are shared with `value`. */
function shallowCopy<T>(value: T): T {
	if (Array.isArray(value)) return [...value] as T;
	if (isPlainObject(value)) return { ...value } as T;
	return value;
}

export interface TweenOptions<T> {
	/** True to jump instead of moving (the figure's `reducedMotion` prop). */
	reduced?: () => boolean | undefined;
	/**
	 * Adjusts the starting point before interpolating, e.g. to jump a value that should not be
	 * tweened (numbers of a different kind). Receives a shallow copy of what is on screen: replace its
	 * fields (never change the arrays or objects inside them) and return it.
	 */
	prepare?: (from: T, to: T) => T;
}

/**
 * Plain data (numbers, arrays, objects) that eases toward `target()` whenever it changes.
 * Create it during component initialisation. Numbers, arrays of numbers and nested objects
 * interpolate; booleans are taken from the target at once. A target equal to what is on screen
 * changes nothing (no frames run), and while moving, parts that do not move keep their identity.
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
			const start = options.prepare ? options.prepare(shallowCopy(from), to) : from;
			const move = plan(start, to);
			if (move === null) {
				// `prepare` may have changed the start (e.g. added arrows): land on the target.
				if (plan(from, to) !== null) this.current = to;
				return;
			}
			const duration = motionDuration(options.reduced?.());
			if (duration === 0) {
				this.current = move(1) as T;
				return;
			}
			const set = (value: T) => (this.current = value);
			let began: number | null = null;
			let frame = requestAnimationFrame(function tick(this: void, now: number) {
				began ??= now;
				const t = Math.min(1, (now - began) / duration);
				set(move(t >= 1 ? 1 : cubicInOut(t)) as T);
				if (t < 1) frame = requestAnimationFrame(tick);
			});
			return () => cancelAnimationFrame(frame);
		});
	}
}

/**
 * A reactive holder for one value, such as an element from `bind:this`, for components whose
 * props already use a name that rules out the `$state` rune there (Figure's `state`).
 */
export class Slot<T> {
	current = $state<T | null>(null);
}
