// Tests for summing several heads' proposed changes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runHead, type HeadWeights } from './head.ts';
import { addMatrices, zeros } from './matrix.ts';
import { runHeads } from './multi-head.ts';
import { expectClose, headCase } from './test-helpers.ts';

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
/** The same head with value up negated: it proposes exactly the opposite Δe. */
const opposite: HeadWeights = { ...head, valueUp: [[0, -3]] };

describe('runHeads', () => {
	test('runHeads(E, [head, opposite]) cancels out: Δe = 0 and updated = E', () => {
		const result = runHeads(E, [head, opposite]);
		expect(result.heads).toHaveLength(2);
		expectClose(result.deltas, zeros(2, 2));
		expectClose(result.updated, E);
	});

	test('runHeads(E, [head, head]) doubles one head’s Δe', () => {
		// From head.spec: one head gives Δe₀ = [0, (3e + 6)/(e + 1)], Δe₁ = [0, 4.5]
		const e = Math.E;
		const result = runHeads(E, [head, head]);
		expectClose(result.deltas, [
			[0, (2 * (3 * e + 6)) / (e + 1)],
			[0, 9]
		]);
		expectClose(result.updated, [
			[1, (2 * (3 * e + 6)) / (e + 1)],
			[0, 10]
		]);
	});

	test('runHeads(E, [head], { causal: true }) passes the mask to every head', () => {
		const result = runHeads(E, [head], { causal: true });
		expect(result.heads[0].weights[0]).toEqual([1, 0]);
	});

	test('runHeads(E, heads, { source }) gives every head the source’s keys and values', () => {
		const source = [[0, 1]];
		const result = runHeads(E, [head, opposite], { source });
		for (const trace of result.heads) expect(trace.keys).toEqual([[0, 0, 0, 0]]);
		expect(result.heads[0].deltas).toEqual(runHead(E, head, { source }).deltas);
		// [0, 6] from one head and [0, −6] from the other, for each of E's two tokens.
		expectClose(result.deltas, zeros(2, 2));
	});

	test('runHeads(E, []) proposes no change', () => {
		const result = runHeads(E, []);
		expect(result.heads).toEqual([]);
		expect(result.deltas).toEqual(zeros(2, 2));
		expect(result.updated).toEqual(E);
	});

	test('runHeads([], heads) returns empty matrices for zero tokens', () => {
		const result = runHeads([], [head, opposite]);
		expect(result.deltas).toEqual([]);
		expect(result.updated).toEqual([]);
	});

	test('runHeads(E, heads).deltas is the sum of each runHead(E, head).deltas', () => {
		fc.assert(
			fc.property(headCase(4), fc.boolean(), ({ embeddings, heads }, causal) => {
				const result = runHeads(embeddings, heads, { causal });
				const alone = heads.map((h) => runHead(embeddings, h, { causal }).deltas);
				const total = alone.reduce((sum, d) => addMatrices(sum, d));
				expectClose(result.deltas, total, 1e-9);
				expectClose(result.updated, addMatrices(embeddings, total), 1e-9);
			})
		);
	});
});
