// Multi-head attention: several heads each propose a Δe, and the proposals are summed.
import { addMatrices, zeros, type Matrix } from './matrix.ts';
import { runHead, type HeadTrace, type HeadWeights } from './head.ts';

/**
 * Runs every head on the same embeddings, sums their Δe, and adds the sum to E.
 * With no heads, deltas are zeros and updated is a copy of E.
 * @param options.causal mask later tokens in every head; default false.
 * @param options.source cross-attention: another sequence's embeddings, which supply every head's
 *   keys and values (see `runHead`).
 */
export function runHeads(
	embeddings: Matrix,
	heads: HeadWeights[],
	options: { causal?: boolean; source?: Matrix } = {}
): { heads: HeadTrace[]; deltas: Matrix; updated: Matrix } {
	const traces = heads.map((head) => runHead(embeddings, head, options));
	const deltas = traces.reduce(
		(sum, trace) => addMatrices(sum, trace.deltas),
		zeros(embeddings.length, embeddings[0]?.length ?? 0)
	);
	return { heads: traces, deltas, updated: addMatrices(embeddings, deltas) };
}
