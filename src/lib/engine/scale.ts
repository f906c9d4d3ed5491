// Scaling scores by √d_k, so dot products in bigger key spaces do not saturate softmax.
import type { Matrix } from './matrix.ts';

/**
 * Divides every score by √keySize, where keySize is d_k, the length of a key vector.
 * @throws RangeError when keySize is not a positive finite number.
 */
export function scaleScores(scores: Matrix, keySize: number): Matrix {
	if (!(keySize > 0) || !Number.isFinite(keySize)) {
		throw new RangeError(`scaleScores: keySize must be a positive number (got ${keySize})`);
	}
	const root = Math.sqrt(keySize);
	return scores.map((row) => row.map((x) => x / root));
}
