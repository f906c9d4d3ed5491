// Tests for the attention() entry point: a worked example by hand, causality and edge cases.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { attention } from './index.ts';
import { expectClose, matrixOf } from './test-helpers.ts';

/** Two tokens, d_k = 4, so scores are divided by √4 = 2. */
const Q = [
	[1, 0, 1, 0],
	[0, 2, 0, 0]
];
const K = [
	[1, 1, 0, 0],
	[0, 0, 2, 2]
];
const V = [
	[2, 0],
	[0, 4]
];

/** Random Q, K, V for n tokens with d_k = k and d_v = v. */
const qkv = fc
	.record({
		n: fc.integer({ min: 1, max: 6 }),
		k: fc.integer({ min: 1, max: 4 }),
		v: fc.integer({ min: 1, max: 3 })
	})
	.chain(({ n, k, v }) =>
		fc.record({
			Q: matrixOf(n, k),
			K: matrixOf(n, k),
			V: matrixOf(n, v),
			otherQ: matrixOf(n, k),
			otherK: matrixOf(n, k),
			otherV: matrixOf(n, v),
			i: fc.integer({ min: 0, max: n - 1 })
		})
	);

describe('attention', () => {
	test('attention(Q, K, V) for two tokens with d_k = 4, worked by hand', () => {
		const result = attention(Q, K, V);
		// q0·k0 = 1·1 + 0·1 + 1·0 + 0·0 = 1;  q0·k1 = 1·0 + 0·0 + 1·2 + 0·2 = 2
		// q1·k0 = 0·1 + 2·1 + 0·0 + 0·0 = 2;  q1·k1 = 0
		expect(result.scores).toEqual([
			[1, 2],
			[2, 0]
		]);
		// divide by √4 = 2
		expect(result.scaled).toEqual([
			[0.5, 1],
			[1, 0]
		]);
		const row0 = Math.exp(0.5) + Math.exp(1);
		const row1 = Math.exp(1) + Math.exp(0);
		const w = [
			[Math.exp(0.5) / row0, Math.exp(1) / row0],
			[Math.exp(1) / row1, Math.exp(0) / row1]
		];
		expectClose(result.weights, w);
		// output row i = wᵢ₀·[2, 0] + wᵢ₁·[0, 4] = [2·wᵢ₀, 4·wᵢ₁]
		expectClose(result.output, [
			[2 * w[0][0], 4 * w[0][1]],
			[2 * w[1][0], 4 * w[1][1]]
		]);
	});

	test('attention(Q, K, V, { causal: true }) masks before softmax, worked by hand', () => {
		const result = attention(Q, K, V, { causal: true });
		// scores and scaled are reported before masking
		expect(result.scaled).toEqual([
			[0.5, 1],
			[1, 0]
		]);
		// row 0 sees only key 0: weight e^0.5 / e^0.5 = 1; row 1 sees both, as before
		const row1 = Math.exp(1) + Math.exp(0);
		expectClose(result.weights, [
			[1, 0],
			[Math.exp(1) / row1, Math.exp(0) / row1]
		]);
		expect(result.weights[0][1]).toBe(0);
		// output row 0 = 1·[2, 0] = V[0]
		expectClose(result.output, [
			[2, 0],
			[(2 * Math.exp(1)) / row1, (4 * Math.exp(0)) / row1]
		]);
	});

	test('attention scales by √d_k where d_k is the length of a key row', () => {
		// q·k = 9 ones · 9 ones = 9; d_k = 9, so scaled = 9 / 3 = 3
		const ones = [new Array<number>(9).fill(1)];
		const result = attention(ones, ones, [[7]]);
		expect(result.scores).toEqual([[9]]);
		expect(result.scaled).toEqual([[3]]);
		// a single key always gets all the weight
		expect(result.weights).toEqual([[1]]);
		expect(result.output).toEqual([[7]]);
	});

	test('attention(Q, K, V) with one query and three keys (cross-attention) is 1×d_v', () => {
		// keys [1], [0], [-1] against query [ln 2 · 1]; d_k = 1 so no scaling
		const result = attention([[Math.log(2)]], [[1], [0], [-1]], [[1], [2], [3]]);
		// weights ∝ [2, 1, 1/2], total 3.5 → [4/7, 2/7, 1/7]
		expectClose(result.weights, [[4 / 7, 2 / 7, 1 / 7]]);
		// 4/7·1 + 2/7·2 + 1/7·3 = 11/7
		expectClose(result.output, [[11 / 7]]);
	});

	test('attention([], [], []) returns empty matrices', () => {
		expect(attention([], [], [])).toEqual({ scores: [], scaled: [], weights: [], output: [] });
		expect(attention([], [], [], { causal: true })).toEqual({
			scores: [],
			scaled: [],
			weights: [],
			output: []
		});
	});

	test('attention(Q, [], []) gives each query an empty row', () => {
		expect(attention([[1, 2]], [], [])).toEqual({
			scores: [[]],
			scaled: [[]],
			weights: [[]],
			output: [[]]
		});
	});

	test('attention throws when K and V have different numbers of rows', () => {
		expect(() => attention(Q, K, [[1, 2]])).toThrow(
			'attention: K has 2 rows but V has 1; each key needs one value'
		);
	});

	test('attention throws when queries and keys differ in length', () => {
		expect(() => attention([[1, 2]], [[1, 2, 3]], [[1]])).toThrow(/lengths 2 and 3/);
	});

	test('attention does not change its inputs', () => {
		const q = Q.map((r) => [...r]);
		const k = K.map((r) => [...r]);
		const v = V.map((r) => [...r]);
		attention(q, k, v, { causal: true });
		expect([q, k, v]).toEqual([Q, K, V]);
	});

	test('attention(Q, K, V, { causal: true }) output row i depends only on V rows ≤ i', () => {
		fc.assert(
			fc.property(qkv, ({ Q, K, V, otherV, i }) => {
				const changed = V.map((row, j) => (j > i ? otherV[j] : row));
				const before = attention(Q, K, V, { causal: true }).output;
				const after = attention(Q, K, changed, { causal: true }).output;
				expectClose(after.slice(0, i + 1), before.slice(0, i + 1), 0);
			})
		);
	});

	test('attention(Q, K, V, { causal: true }) rows ≤ i ignore every later token', () => {
		fc.assert(
			fc.property(qkv, ({ Q, K, V, otherQ, otherK, otherV, i }) => {
				const later = <T>(m: T[], other: T[]) => m.map((row, j) => (j > i ? other[j] : row));
				const before = attention(Q, K, V, { causal: true });
				const after = attention(later(Q, otherQ), later(K, otherK), later(V, otherV), {
					causal: true
				});
				expectClose(after.weights.slice(0, i + 1), before.weights.slice(0, i + 1), 0);
				expectClose(after.output.slice(0, i + 1), before.output.slice(0, i + 1), 0);
			})
		);
	});

	test('attention on the first i + 1 tokens matches the first i + 1 rows of causal attention', () => {
		fc.assert(
			fc.property(qkv, ({ Q, K, V, i }) => {
				const prefix = (m: number[][]) => m.slice(0, i + 1);
				const full = attention(Q, K, V, { causal: true }).output;
				const short = attention(prefix(Q), prefix(K), prefix(V), { causal: true }).output;
				expectClose(short, prefix(full), 1e-12);
			})
		);
	});

	test('attention(Q, K, V) without a mask ignores the order of key/value pairs', () => {
		fc.assert(
			fc.property(
				qkv.chain((c) =>
					fc
						.shuffledSubarray(
							c.K.map((_, j) => j),
							{ minLength: c.K.length, maxLength: c.K.length }
						)
						.map((order) => ({ ...c, order }))
				),
				({ Q, K, V, order }) => {
					const before = attention(Q, K, V).output;
					const after = attention(
						Q,
						order.map((j) => K[j]),
						order.map((j) => V[j])
					).output;
					expectClose(after, before, 1e-9);
				}
			)
		);
	});

	test('attention(Q, K, V) weights rows sum to 1', () => {
		fc.assert(
			fc.property(qkv, fc.boolean(), ({ Q, K, V }, causal) => {
				for (const row of attention(Q, K, V, { causal }).weights) {
					expectClose(
						row.reduce((a, b) => a + b, 0),
						1,
						1e-9
					);
				}
			})
		);
	});
});
