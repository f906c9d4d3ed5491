// Tests for one head's full pass: a hand-worked example, edge cases and agreement with attention().
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attention } from './attention.ts';
import { runHead, type HeadWeights } from './head.ts';
import { addMatrices, matmul } from './matrix.ts';
import { expectClose, headCase, matrixOf } from './test-helpers.ts';

const e = Math.E;

/**
 * Two tokens whose embeddings are the basis vectors, so each token's query, key and value are
 * just the matching row of the weights. d_model = 2, d_k = 4 (scale by √4 = 2), d_v = 1.
 */
const E = [
	[1, 0],
	[0, 1]
];
const head: HeadWeights = {
	query: [
		[1, 1, 0, 0],
		[0, 0, 0, 0]
	],
	key: [
		[1, 1, 1, 1],
		[0, 0, 0, 0]
	],
	valueDown: [[1], [2]],
	valueUp: [[0, 3]]
};

describe('runHead', () => {
	test('runHead(E, head) returns every stage, worked by hand', () => {
		const trace = runHead(E, head);
		expect(trace.embeddings).toEqual(E);
		expect(trace.queries).toEqual(head.query);
		expect(trace.keys).toEqual(head.key);
		expect(trace.valuesDown).toEqual([[1], [2]]);
		// values = valuesDown · up: 1·[0, 3] = [0, 3]; 2·[0, 3] = [0, 6]
		expect(trace.values).toEqual([
			[0, 3],
			[0, 6]
		]);
		// q0·k0 = 1 + 1 + 0 + 0 = 2; every product with the zero key or zero query is 0
		expect(trace.scores).toEqual([
			[2, 0],
			[0, 0]
		]);
		// d_k = 4, so divide by 2
		expect(trace.scaled).toEqual([
			[1, 0],
			[0, 0]
		]);
		expect(trace.masked).toEqual(trace.scaled);
		expect(trace.masked).not.toBe(trace.scaled);
		// row 0: [e¹, e⁰] / (e + 1); row 1: [e⁰, e⁰] / 2
		expectClose(trace.weights, [
			[e / (e + 1), 1 / (e + 1)],
			[0.5, 0.5]
		]);
		// Δe₀ = e/(e+1)·[0, 3] + 1/(e+1)·[0, 6]; Δe₁ = ½·[0, 3] + ½·[0, 6] = [0, 4.5]
		expectClose(trace.deltas, [
			[0, (3 * e + 6) / (e + 1)],
			[0, 4.5]
		]);
		// updated = E + Δe
		expectClose(trace.updated, [
			[1, (3 * e + 6) / (e + 1)],
			[0, 5.5]
		]);
	});

	test('runHead(E, head, { causal: true }) stops the first token seeing the second', () => {
		const trace = runHead(E, head, { causal: true });
		expect(trace.masked).toEqual([
			[1, -Infinity],
			[0, 0]
		]);
		// row 0 sees only itself: weight 1; row 1 is unchanged: ½, ½
		expect(trace.weights).toEqual([
			[1, 0],
			[0.5, 0.5]
		]);
		// Δe₀ = 1·[0, 3]; Δe₁ = [0, 4.5]
		expect(trace.deltas).toEqual([
			[0, 3],
			[0, 4.5]
		]);
		expect(trace.updated).toEqual([
			[1, 3],
			[0, 5.5]
		]);
	});

	test('runHead([], head) returns empty matrices for zero tokens', () => {
		const trace = runHead([], head, { causal: true });
		for (const stage of Object.values(trace)) expect(stage).toEqual([]);
	});

	test('runHead throws when a weight matrix does not fit the embeddings', () => {
		expect(() => runHead([[1, 0, 0]], head)).toThrow(/cannot multiply 1×3 by 2×4/);
		expect(() => runHead(E, { ...head, valueUp: [[0, 3, 1]] })).toThrow(/addMatrices/);
	});

	test('runHead does not change its inputs, and the trace does not alias them', () => {
		const embeddings = E.map((row) => [...row]);
		const trace = runHead(embeddings, head);
		expect(embeddings).toEqual(E);
		expect(trace.embeddings).not.toBe(embeddings);
		expect(head.query[0]).toEqual([1, 1, 0, 0]);
	});

	test('runHead(E, head) agrees with attention(E·W_Q, E·W_K, E·down·up)', () => {
		fc.assert(
			fc.property(headCase(), fc.boolean(), ({ embeddings, heads: [h] }, causal) => {
				const trace = runHead(embeddings, h, { causal });
				const Q = matmul(embeddings, h.query);
				const K = matmul(embeddings, h.key);
				const V = matmul(matmul(embeddings, h.valueDown), h.valueUp);
				const result = attention(Q, K, V, { causal });
				expectClose(trace.scores, result.scores, 1e-12);
				expectClose(trace.scaled, result.scaled, 1e-12);
				expectClose(trace.weights, result.weights, 1e-12);
				expectClose(trace.deltas, result.output, 1e-12);
				expectClose(trace.updated, addMatrices(embeddings, result.output), 1e-12);
			})
		);
	});

	test('runHead(E, head, { causal: true }) weights rows sum to 1 with zeros above the diagonal', () => {
		fc.assert(
			fc.property(headCase(), ({ embeddings, heads: [h] }) => {
				const { weights } = runHead(embeddings, h, { causal: true });
				weights.forEach((row, i) => {
					row.forEach((w, j) => {
						if (j > i) expect(w === 0).toBe(true);
					});
					expectClose(
						row.reduce((a, b) => a + b, 0),
						1,
						1e-9
					);
				});
			})
		);
	});
});

describe('runHead(E, head, { source })', () => {
	test('takes queries from E and keys and values from the source, worked by hand', () => {
		// Queries from E's two tokens; one source token, the second basis vector. Its key is the
		// zero row of W_K and its value is 2·[0, 3] = [0, 6].
		const trace = runHead(E, head, { source: [[0, 1]] });
		expect(trace.queries).toEqual(head.query);
		expect(trace.keys).toEqual([[0, 0, 0, 0]]);
		expect(trace.values).toEqual([[0, 6]]);
		// Two rows (queries) by one column (the source's one key); a single key takes all weight.
		expect(trace.scores).toEqual([[0], [0]]);
		expect(trace.weights).toEqual([[1], [1]]);
		// Each of E's tokens gets the source's value: updated stays E's size.
		expect(trace.deltas).toEqual([
			[0, 6],
			[0, 6]
		]);
		expect(trace.updated).toEqual([
			[1, 6],
			[0, 7]
		]);
		expect(trace.embeddings).toEqual(E);
	});

	test('is n×m and agrees with attention(E·W_Q, S·W_K, S·down·up)', () => {
		fc.assert(
			fc.property(
				headCase().chain((c) =>
					fc.record({
						c: fc.constant(c),
						source: fc
							.integer({ min: 1, max: 7 })
							.chain((m) => matrixOf(m, c.embeddings[0].length, 3))
					})
				),
				({
					c: {
						embeddings,
						heads: [h]
					},
					source
				}) => {
					const trace = runHead(embeddings, h, { source });
					expect(trace.scores).toHaveLength(embeddings.length);
					for (const row of trace.weights) expect(row).toHaveLength(source.length);
					const Q = matmul(embeddings, h.query);
					const K = matmul(source, h.key);
					const V = matmul(matmul(source, h.valueDown), h.valueUp);
					const result = attention(Q, K, V);
					expectClose(trace.weights, result.weights, 1e-12);
					expectClose(trace.deltas, result.output, 1e-12);
					expectClose(trace.updated, addMatrices(embeddings, result.output), 1e-12);
				}
			)
		);
	});

	test('refuses the causal mask with a source', () => {
		expect(() => runHead(E, head, { causal: true, source: E })).toThrow(/never masked/);
	});

	test('with E as its own source, is self-attention', () => {
		fc.assert(
			fc.property(headCase(), ({ embeddings, heads: [h] }) => {
				expect(runHead(embeddings, h, { source: embeddings })).toEqual(runHead(embeddings, h));
			})
		);
	});
});

describe('runHead(E, head, { adjustQueries })', () => {
	test('scores with the adjusted queries and leaves keys and values as projected', () => {
		// One feature, d_k = 1: q = k = e, v = e. Tokens e = [1], [2].
		const head = { query: [[1]], key: [[1]], valueDown: [[1]], valueUp: [[1]] };
		const E = [[1], [2]];
		const plain = runHead(E, head);
		// Moving the first query to 0 makes its scores 0·1 and 0·2: equal, so its weights are ½, ½.
		const moved = runHead(E, head, { adjustQueries: (Q) => [[0], Q[1]] });
		expect(moved.queries).toEqual([[0], [2]]);
		expect(moved.keys).toEqual(plain.keys);
		expect(moved.values).toEqual(plain.values);
		expect(moved.scores[0]).toEqual([0, 0]);
		expect(moved.weights[0]).toEqual([0.5, 0.5]);
		expect(moved.scores[1]).toEqual(plain.scores[1]);
	});
});
