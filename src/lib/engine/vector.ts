// Single-vector arithmetic: what the essay uses to compare a moved embedding with named meanings.
import type { Vector } from './matrix.ts';

/** Throws unless `a` and `b` have the same length. */
function assertSameLength(a: Vector, b: Vector, name: string): void {
	if (a.length !== b.length) {
		throw new Error(`${name}: vectors have lengths ${a.length} and ${b.length}; they must match`);
	}
}

/** The largest absolute entry of a vector; 0 for the zero or empty vector. */
function largestMagnitude(a: Vector): number {
	let largest = 0;
	for (const x of a) largest = Math.max(largest, Math.abs(x));
	return largest;
}

/**
 * The dot product a · b: the sum of products of matching entries.
 * @throws Error when the lengths differ.
 */
export function dot(a: Vector, b: Vector): number {
	assertSameLength(a, b, 'dot');
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
	return sum;
}

/** The Euclidean length ‖a‖, without overflow or underflow for very large or tiny entries. */
export function norm(a: Vector): number {
	return Math.hypot(...a);
}

/**
 * The entrywise sum a + b.
 * @throws Error when the lengths differ.
 */
export function add(a: Vector, b: Vector): Vector {
	assertSameLength(a, b, 'add');
	return a.map((x, i) => x + b[i]);
}

/**
 * The entrywise difference a − b.
 * @throws Error when the lengths differ.
 */
export function subtract(a: Vector, b: Vector): Vector {
	assertSameLength(a, b, 'subtract');
	return a.map((x, i) => x - b[i]);
}

/** The vector a with every entry multiplied by s. */
export function scaleVector(a: Vector, s: number): Vector {
	return a.map((x) => x * s);
}

/**
 * Cosine similarity (a · b) / (‖a‖ ‖b‖), in [−1, 1]; 0 when either vector is the zero vector.
 * @throws Error when the lengths differ.
 */
export function cosine(a: Vector, b: Vector): number {
	assertSameLength(a, b, 'cosine');
	const largestA = largestMagnitude(a);
	const largestB = largestMagnitude(b);
	if (largestA === 0 || largestB === 0) return 0;
	// Dividing by the largest entry first keeps tiny or huge vectors from underflowing to 0.
	const unitA = a.map((x) => x / largestA);
	const unitB = b.map((x) => x / largestB);
	return Math.min(1, Math.max(-1, dot(unitA, unitB) / (norm(unitA) * norm(unitB))));
}

/**
 * Ranks named candidate vectors by cosine similarity to `v`, most similar first.
 * Ties keep the candidates' insertion order.
 */
export function nearest(
	v: Vector,
	candidates: Record<string, Vector>
): { name: string; similarity: number }[] {
	return Object.entries(candidates)
		.map(([name, candidate]) => ({ name, similarity: cosine(v, candidate) }))
		.sort((a, b) => b.similarity - a.similarity);
}
