// Structural sharing for derived values: a recomputed value keeps the previous one's arrays and
// objects wherever they are equal as data, so Svelte sees "unchanged" and the template effects that
// read only that value are not run again.
//
//   keystroke ──▶ runTry() builds every array anew ──▶ run.unknown: a new [false × 24]
//        keepUnknown(run.unknown) ──▶ the previous array ──▶ 24 token buttons: nothing to redo
//
// Share the small values that many per-item effects read (flags, layouts, label texts), not whole
// results: comparing a try-it run's every matrix costs about what it would save.

/**
 * `next`, with every part that equals (as plain data) the same part of `prev` replaced by `prev`'s.
 * Returns `prev` itself when the two are equal throughout. Arrays and plain objects are compared
 * element by element; anything else (numbers, strings, booleans, null, class instances) by
 * `Object.is`. Neither argument is changed.
 */
export function share<T>(prev: unknown, next: T): T {
	if (Object.is(prev, next)) return next;
	if (Array.isArray(next)) {
		if (!Array.isArray(prev)) return next;
		let same = prev.length === next.length;
		const out = next.map((value, i) => {
			const kept = i < prev.length ? share(prev[i], value) : value;
			if (!Object.is(kept, prev[i])) same = false;
			return kept;
		});
		return (same ? prev : out) as T;
	}
	if (isPlainObject(next)) {
		if (!isPlainObject(prev)) return next;
		const keys = Object.keys(next);
		let same = keys.length === Object.keys(prev).length;
		const out: Record<string, unknown> = {};
		for (const key of keys) {
			const kept = key in prev ? share(prev[key], next[key]) : next[key];
			if (!(key in prev) || !Object.is(kept, prev[key])) same = false;
			out[key] = kept;
		}
		return (same ? prev : out) as T;
	}
	return next;
}

/**
 * A function that shares each value it is given with the one it returned last (see `share`). For a
 * `$derived`: `const keep = sharing<Layout>(); const layout = $derived(keep(computeLayout(…)));`.
 */
export function sharing<T>(): (next: T) => T {
	let last: T | undefined;
	let started = false;
	return (next) => {
		last = started ? share(last, next) : next;
		started = true;
		return last;
	};
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
