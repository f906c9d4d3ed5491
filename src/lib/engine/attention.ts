// Scaled dot-product attention from ready-made Q, K and V: the entry point outside tools call.
import type { Matrix } from './matrix.ts';
import { causalMask } from './mask.ts';
import { scaleScores } from './scale.ts';
import { dotProductScores } from './scores.ts';
import { softmaxRows } from './softmax.ts';
import { weightedSum } from './weighted-sum.ts';

/**
 * softmax(mask(Q·Kᵀ / √d_k))·V, where d_k is the length of a key row.
 *
 * Q has one row per query, K and V one row per key (same count). With `causal`, scores where
 * the key comes after the query become −Infinity before softmax, so their weights are exactly 0.
 * Queries and keys may come from different sequences (cross-attention). Zero queries or keys give
 * empty matrices.
 * @param options.causal mask later keys; default false.
 * @throws Error when query and key lengths differ or K and V have different numbers of rows.
 */
export function attention(
	Q: number[][],
	K: number[][],
	V: number[][],
	options: { causal?: boolean } = {}
): { scores: number[][]; scaled: number[][]; weights: number[][]; output: number[][] } {
	if (K.length !== V.length) {
		throw new Error(
			`attention: K has ${K.length} rows but V has ${V.length}; each key needs one value`
		);
	}
	const scores = dotProductScores(Q, K);
	const keySize = K[0]?.length ?? 0;
	// With d_k = 0 every score is an empty dot product (0), so there is nothing to scale.
	const scaled: Matrix = keySize > 0 ? scaleScores(scores, keySize) : scores.map((r) => [...r]);
	const weights = softmaxRows(options.causal ? causalMask(scaled) : scaled);
	const output = weightedSum(weights, V);
	return { scores, scaled, weights, output };
}
