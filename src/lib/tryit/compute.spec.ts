// Tests that the try-it's numbers come from the engine, and that moving the query does what it claims.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runHead } from '../engine/index.ts';
import { gridLayout } from '../figures/layout.ts';
import { expectClose } from '../engine/test-helpers.ts';
import type { FigureState } from '../manifest.ts';
import { loadModel } from '../server/content/model.ts';
import { embedTokens } from '../model/tokenize.ts';
import {
	adjustedTrace,
	componentHints,
	displayLabels,
	figureInput,
	focusedWeights,
	gridCanvas,
	MIN_CELL,
	runTry,
	topKey
} from './compute.ts';
import { MAX_TOKENS, QUERY_RANGE, type TryState } from './state.ts';

const model = loadModel(
	readFileSync(new URL('../../../content/model.yaml', import.meta.url), 'utf8'),
	'content/model.yaml'
);
const head = model.heads.adjective;

const state = (over: Partial<TryState> = {}): TryState => ({
	sentence: 'the hot dog was',
	query: 2,
	causal: true,
	stage: 'mask',
	nudge: [0, 0, 0, 0],
	...over
});

const words = fc.constantFrom(...Object.keys(model.vocabulary), 'zebra', 'été', 'שלום');
const sentences = fc.array(words, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
const nudges = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), {
	minLength: 4,
	maxLength: 4
});

describe('adjustedTrace', () => {
	it('adjustedTrace with a zero nudge is exactly runHead', () => {
		fc.assert(
			fc.property(sentences, fc.boolean(), fc.nat(9), (text, causal, focus) => {
				const { embeddings } = embedTokens(model, text.split(' '));
				expect(adjustedTrace(embeddings, head, { causal, focus, nudge: [0, 0, 0, 0] })).toEqual(
					runHead(embeddings, head, { causal })
				);
			})
		);
	});

	it('adjustedTrace changes only the focused query', () => {
		const { embeddings } = embedTokens(model, ['the', 'hot', 'dog', 'was']);
		const base = runHead(embeddings, head);
		const moved = adjustedTrace(embeddings, head, { causal: false, focus: 2, nudge: [0, 1, 0, 0] });
		expect(moved.queries[2]).toEqual([4, 3, 0, 0]);
		expect(moved.queries.filter((_, i) => i !== 2)).toEqual(base.queries.filter((_, i) => i !== 2));
		expect(moved.keys).toEqual(base.keys);
	});

	it('adjustedTrace keeps an adjusted query within ±QUERY_RANGE', () => {
		const { embeddings } = embedTokens(model, ['hot', 'dog']);
		const moved = adjustedTrace(embeddings, head, {
			causal: false,
			focus: 1,
			nudge: [99, -99, 0, 0]
		});
		expect(moved.queries[1]).toEqual([QUERY_RANGE, -QUERY_RANGE, 0, 0]);
	});

	it('adjustedTrace rows of weights still sum to 1 and masked weights are exactly 0', () => {
		fc.assert(
			fc.property(sentences, fc.boolean(), fc.nat(9), nudges, (text, causal, focus, nudge) => {
				const { embeddings } = embedTokens(model, text.split(' '));
				const t = adjustedTrace(embeddings, head, { causal, focus, nudge });
				t.weights.forEach((row, i) => {
					expectClose(
						row.reduce((a, b) => a + b, 0),
						1,
						1e-9
					);
					row.forEach((w, j) => {
						if (causal && j > i) expect(w).toBe(0);
						expect(w).toBeGreaterThanOrEqual(0);
					});
				});
			})
		);
	});
});

describe('runTry', () => {
	it('runTry: aligning the query of "dog" with the key of "hot" raises the weight on "hot"', () => {
		const before = runTry(model, 'adjective', state({ causal: false, stage: 'softmax' }));
		const hot = before.trace.keys[1];
		const after = runTry(model, 'adjective', state({ causal: false, nudge: hot }));
		expect(after.trace.weights[2][1]).toBeGreaterThan(before.trace.weights[2][1]);
		expect(after.trace.scores[2][1]).toBeGreaterThan(before.trace.scores[2][1]);
	});

	it('runTry: turning the query of "creature" toward "texture, colour" raises "fluffy" and "blue"', () => {
		const s = state({ sentence: 'a fluffy blue creature', query: 3, causal: false });
		const before = focusedWeights(runTry(model, 'adjective', s));
		const after = focusedWeights(runTry(model, 'adjective', { ...s, nudge: [0, 3, 0, 0] }));
		expect(after[1].weight).toBeGreaterThan(before[1].weight);
		expect(after[2].weight).toBeGreaterThan(before[2].weight);
		expect(after[0].weight).toBeLessThan(before[0].weight);
	});

	it('runTry keeps unknown words, flagged, with a zero embedding', () => {
		const run = runTry(model, 'adjective', state({ sentence: 'the hot zorgle was', query: 1 }));
		expect(run.tokens).toEqual(['the', 'hot', 'zorgle', 'was']);
		expect(run.unknown).toEqual([false, false, true, false]);
		expect(run.trace.embeddings[2].every((x) => x === 0)).toBe(true);
		expect(run.trace.values[2].every((x) => x === 0)).toBe(true);
	});

	it('runTry runs at most MAX_TOKENS words and counts the rest', () => {
		const run = runTry(model, 'adjective', state({ sentence: 'dog '.repeat(30), query: 40 }));
		expect(run.tokens).toHaveLength(MAX_TOKENS);
		expect(run.dropped).toBe(30 - MAX_TOKENS);
		expect(run.focus).toBe(MAX_TOKENS - 1);
		expect(run.trace.weights).toHaveLength(MAX_TOKENS);
	});

	it('runTry of an empty sentence has no focus and empty matrices', () => {
		const run = runTry(model, 'adjective', state({ sentence: ' … 🐶 ' }));
		expect(run.focus).toBe(-1);
		expect(run.trace.weights).toEqual([]);
		expect(topKey(run)).toBeNull();
	});

	it('runTry reports the base and adjusted query', () => {
		const run = runTry(model, 'adjective', state({ nudge: [-1, 0, 0, 0.5] }));
		expect(run.baseQuery).toEqual([4, 2, 0, 0]);
		expect(run.query).toEqual([3, 2, 0, 0.5]);
	});

	it('topKey(the hot dog was, dog) is "hot"', () => {
		const top = topKey(runTry(model, 'adjective', state()));
		expect(top?.token).toBe('hot');
		expect(top?.weight).toBeGreaterThan(0.5);
	});

	it('focusedWeights marks the keys the causal mask hides, with weight exactly 0', () => {
		const row = focusedWeights(runTry(model, 'adjective', state()));
		expect(row.map((k) => k.masked)).toEqual([false, false, false, true]);
		expect(row[3].weight).toBe(0);
	});
});

describe('displayLabels', () => {
	it('displayLabels marks repeats with a subscript so every label is unique', () => {
		expect(displayLabels(['the', 'dog', 'saw', 'the', 'dog', 'the'])).toEqual([
			'the',
			'dog',
			'saw',
			'the₂',
			'dog₂',
			'the₃'
		]);
		expect(displayLabels(['dog₂', 'dog', 'dog'])).toEqual(['dog₂', 'dog', 'dog₃']);
	});

	it('displayLabels shortens long words with an ellipsis', () => {
		const [label] = displayLabels(['pneumonoultramicroscopic']);
		expect(label).toBe('pneumonoult…');
		expect([...displayLabels(['东京大学东京大学东京大学'])[0]].length).toBeLessThanOrEqual(7);
		expect(displayLabels(['exactlytwelv'])).toEqual(['exactlytwelv']);
	});
});

describe('componentHints', () => {
	it('componentHints(adjective) names the key features each query component meets', () => {
		expect(componentHints(head, model.features)).toEqual([
			'modifier',
			'colour, texture',
			'nature',
			'paris'
		]);
	});
});

describe('figureInput', () => {
	it('figureInput gives the figure one sentence, the focused label and the chapter meanings', () => {
		const defaults = {
			stage: 'embedding',
			sentence: 1,
			compare: [1],
			query: 'dog',
			causal: true,
			attend: false,
			readout: true,
			meanings: ['animal', 'food'],
			highlight: ['hot'],
			heads: ['adjective'],
			plane: 'default'
		} as unknown as FigureState;
		const s = state({ sentence: 'the dog saw the dog', query: 4, stage: 'update' });
		const run = runTry(model, 'adjective', s);
		const { state: fig, data } = figureInput(run, s, { slug: 'hot-dog', defaults }, model);
		expect(fig).toMatchObject({
			stage: 'update',
			sentence: 0,
			compare: [],
			query: 'dog₂',
			attend: true,
			readout: false,
			highlight: []
		});
		expect(data.sentences).toHaveLength(1);
		expect(data.sentences[0].tokens).toEqual(['the', 'dog', 'saw', 'the₂', 'dog₂']);
		expect(Object.keys(data.meanings ?? {})).toEqual(['animal', 'food']);
	});
});

describe('gridCanvas', () => {
	it('gridCanvas keeps the figure’s 400 × 400 for a short sentence', () => {
		expect(gridCanvas(['the', 'hot', 'dog', 'was'], true)).toEqual({ width: 400, height: 400 });
	});

	it('gridCanvas grows for 24 words so every cell keeps MIN_CELL units and nothing spills', () => {
		const labels = displayLabels(Array.from({ length: MAX_TOKENS }, (_, i) => `word${i}`));
		const size = gridCanvas(labels, true);
		expect(size.width).toBeGreaterThan(400);
		const layout = gridLayout(labels, { strip: true, ...size });
		expect(layout.cell).toBeGreaterThanOrEqual(MIN_CELL);
		expect(layout.sumX + 22).toBeLessThanOrEqual(size.width);
		expect(layout.y0 + layout.n * layout.cell + 66).toBeLessThanOrEqual(size.height);
		expect(gridCanvas(labels, true)).toBe(size);
	});
});
