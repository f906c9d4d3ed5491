// One attention head, run once, returning every named stage so figures pick a stage, not recompute.
import { addMatrices, type Matrix } from './matrix.ts';
import { causalMask } from './mask.ts';
import { project } from './project.ts';
import { scaleScores } from './scale.ts';
import { dotProductScores } from './scores.ts';
import { softmaxRows } from './softmax.ts';
import { weightedSum } from './weighted-sum.ts';

/** One head's weights. Rows of each matrix match the columns of whatever it multiplies. */
export interface HeadWeights {
	/** W_Q, d_model×d_k: embedding → query ("what am I looking for?"). */
	query: Matrix;
	/** W_K, d_model×d_k: embedding → key ("what do I offer?"). */
	key: Matrix;
	/** Value down, d_model×d_v: embedding → the small value space. */
	valueDown: Matrix;
	/** Value up, d_v×d_model: small value space → back to embedding space. */
	valueUp: Matrix;
}

/**
 * Every stage of one head's pass, in order. E is n×d_model, one row per token.
 *
 * ```
 * E ─┬─ ·W_Q ─ queries ─┐
 *    ├─ ·W_K ─ keys ────┴─ scores ─ /√d_k ─ scaled ─ mask? ─ masked ─ softmax ─ weights ─┐
 *    └─ ·down ─ valuesDown ─ ·up ─ values ────────────────────────────────────────────────┴─ deltas
 * updated = E + deltas
 * ```
 */
export interface HeadTrace {
	/** E, n×d_model: the context-free embeddings that went in. */
	embeddings: Matrix;
	/** E·W_Q, n×d_k. */
	queries: Matrix;
	/** S·W_K, m×d_k, where S is the source: E itself, or another sequence (cross-attention). */
	keys: Matrix;
	/** S·valueDown, m×d_v: value vectors in the small space. */
	valuesDown: Matrix;
	/** S·valueDown·valueUp, m×d_model: value vectors in embedding space. */
	values: Matrix;
	/** Q·Kᵀ, n×m (n×n in self-attention): rows are queries, columns are keys. */
	scores: Matrix;
	/** scores / √d_k. */
	scaled: Matrix;
	/** causalMask(scaled) when causal, otherwise a copy of scaled. */
	masked: Matrix;
	/** softmaxRows(masked): each row is in [0, 1] and sums to 1. */
	weights: Matrix;
	/** weights·values, n×d_model: the change Δe each token's embedding receives. */
	deltas: Matrix;
	/** E + deltas: the context-aware embeddings. */
	updated: Matrix;
}

/**
 * Runs one attention head over a sequence of embeddings and returns every stage.
 * d_k is the number of columns of `head.key`. Zero tokens give empty matrices.
 * @param options.causal mask later tokens (next-token prediction); default false.
 * @param options.adjustQueries replaces the projected queries E·W_Q before scoring (the try-it moves
 *   one query by hand); every later stage follows from what it returns.
 * @param options.source cross-attention: the embeddings (m×d_model) of another sequence, which
 *   supply the keys and values while E supplies the queries. Each of E's tokens is then updated
 *   from what the other sequence says. Left out, E attends to itself.
 * @throws Error when a weight matrix does not fit the embeddings' size, or when `causal` and
 *   `source` are both set.
 */
export function runHead(
	embeddings: Matrix,
	head: HeadWeights,
	options: {
		causal?: boolean;
		adjustQueries?: (queries: Matrix) => Matrix;
		source?: Matrix;
	} = {}
): HeadTrace {
	if (options.causal && options.source) {
		// The mask hides keys after the query's own position; a query has no position in another
		// sequence, so the two do not go together.
		throw new Error('runHead: the causal mask is for self-attention; a source is never masked');
	}
	const projected = project(embeddings, head.query);
	const queries = options.adjustQueries ? options.adjustQueries(projected) : projected;
	const source = options.source ?? embeddings;
	const keys = project(source, head.key);
	const valuesDown = project(source, head.valueDown);
	const values = project(valuesDown, head.valueUp);
	const scores = dotProductScores(queries, keys);
	const keySize = head.key[0]?.length ?? 0;
	// With d_k = 0 every score is an empty dot product (0), so there is nothing to scale.
	const scaled = keySize > 0 ? scaleScores(scores, keySize) : scores.map((row) => [...row]);
	const masked = options.causal ? causalMask(scaled) : scaled.map((row) => [...row]);
	const weights = softmaxRows(masked);
	const deltas = weightedSum(weights, values);
	const updated = addMatrices(embeddings, deltas);
	return {
		embeddings: embeddings.map((row) => [...row]),
		queries,
		keys,
		valuesDown,
		values,
		scores,
		scaled,
		masked,
		weights,
		deltas,
		updated
	};
}
