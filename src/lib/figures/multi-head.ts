// The multi-head view's arithmetic: which token to focus, the heads' proposals and their sum.
import type { Vector } from '$lib/engine/index.ts';
import type { SentenceData } from '$lib/model/step-data.ts';

/** The rows the multi-head view draws for one token, all in embedding space. */
export interface HeadRows {
	/** Index of the focused token in the sentence. */
	focus: number;
	/** Each head's proposed Δe for the focused token, in head order. */
	heads: { name: string; delta: Vector }[];
	/** The proposals summed element by element: the Δe the token receives. */
	sum: Vector;
	/** The token's context-free embedding e. */
	embedding: Vector;
	/** e + Δe. */
	updated: Vector;
}

/** Adds vectors element by element; no vectors give a zero vector of length `size`. */
export function sumVectors(vectors: Vector[], size = vectors[0]?.length ?? 0): Vector {
	const out = new Array<number>(size).fill(0);
	for (const v of vectors) for (let i = 0; i < size; i++) out[i] += v[i] ?? 0;
	return out;
}

/** The length of a vector. */
function magnitude(v: Vector): number {
	return Math.hypot(...v);
}

/**
 * The token the view focuses: the last occurrence of `query` when it is one of the tokens,
 * otherwise the token the heads move most (the last one on a tie), which in the essay's sentences
 * is the noun the context is about. An empty sentence gives -1.
 */
export function focusToken(
	sentence: Pick<SentenceData, 'tokens' | 'deltas'>,
	query: string | null
): number {
	const { tokens, deltas } = sentence;
	if (tokens.length === 0) return -1;
	if (query) {
		const i = tokens.lastIndexOf(query.toLowerCase());
		if (i >= 0) return i;
	}
	let best = tokens.length - 1;
	let most = -1;
	tokens.forEach((_, i) => {
		const m = magnitude(deltas[i] ?? []);
		if (m >= most - 1e-12) {
			best = i;
			most = Math.max(most, m);
		}
	});
	return best;
}

/**
 * Everything the multi-head view draws for the focused token. The sum is computed here from the
 * heads' own proposals (so the figure's sum is exactly what its rows add up to); with no heads it
 * falls back to the sentence's Δe.
 */
export function headRows(
	sentence: Pick<SentenceData, 'tokens' | 'embeddings' | 'deltas' | 'heads'>,
	query: string | null
): HeadRows | null {
	const focus = focusToken(sentence, query);
	if (focus < 0) return null;
	const embedding = sentence.embeddings[focus] ?? [];
	const heads = sentence.heads.map((h) => ({ name: h.name, delta: h.deltas[focus] ?? [] }));
	const sum =
		heads.length > 0
			? sumVectors(
					heads.map((h) => h.delta),
					embedding.length
				)
			: [...(sentence.deltas[focus] ?? [])];
	const updated = embedding.map((x, i) => x + (sum[i] ?? 0));
	return { focus, heads, sum, embedding, updated };
}

/**
 * Indices of the dimensions worth a column: those where some row has a magnitude of at least
 * `threshold`. When no dimension qualifies, every dimension is kept.
 */
export function activeDimensions(rows: Vector[], threshold = 0.005): number[] {
	const size = Math.max(0, ...rows.map((r) => r.length));
	const all = Array.from({ length: size }, (_, i) => i);
	const active = all.filter((i) => rows.some((r) => Math.abs(r[i] ?? 0) >= threshold));
	return active.length > 0 ? active : all;
}
