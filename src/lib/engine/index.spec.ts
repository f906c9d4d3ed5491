// Checks that index.ts exposes the whole public API other code is written against.
import { describe, expect, test } from 'vitest';
import * as engine from './index.ts';

describe('index', () => {
	test('index.ts exports every engine function', () => {
		const functions = [
			'matmul',
			'transpose',
			'addMatrices',
			'zeros',
			'dot',
			'norm',
			'add',
			'subtract',
			'scaleVector',
			'cosine',
			'nearest',
			'project',
			'dotProductScores',
			'scaleScores',
			'causalMask',
			'isMaskedCell',
			'softmax',
			'softmaxRows',
			'weightedSum',
			'runHead',
			'runHeads',
			'attention',
			'countAttentionParameters'
		];
		for (const name of functions) {
			expect(typeof (engine as Record<string, unknown>)[name], name).toBe('function');
		}
	});

	test('index.ts exports the GPT-3 constants', () => {
		expect(engine.GPT3.embeddingSize).toBe(12288);
		expect(engine.GPT3_TOTAL_PARAMETERS).toBe(175_000_000_000);
	});
});
