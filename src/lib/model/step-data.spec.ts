// Tests for the step data every figure and data file shares, on a two-feature model small enough to check by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../engine/test-helpers.ts';
import type { FigureState } from '../manifest.ts';
import {
	computeSentence,
	computeStepData,
	planeAxis,
	planePoint,
	predictNext
} from './step-data.ts';
import type { ToyModel } from './types.ts';

/**
 * Features a and b. "x" is a, "y" is b.
 * - `look`: x's query (1) meets y's key (2), so x looks at y; y's value is a.
 * - `spread`: every score 0, so weights are uniform; x's value is b.
 */
const model: ToyModel = {
	features: ['a', 'b'],
	keySize: 1,
	valueSize: 1,
	vocabulary: { x: [1, 0], y: [0, 1] },
	heads: {
		look: {
			name: 'look',
			description: 'x looks at y and takes a.',
			query: [[1], [0]],
			key: [[0], [2]],
			valueDown: [[0], [1]],
			valueUp: [[1, 0]]
		},
		spread: {
			name: 'spread',
			description: 'Everyone looks everywhere and takes b from x.',
			query: [[0], [0]],
			key: [[0], [0]],
			valueDown: [[1], [0]],
			valueUp: [[0, 1]]
		}
	},
	meanings: { 'only-a': { label: 'a', vector: [1, 0] }, 'only-b': { label: 'b', vector: [0, 1] } },
	readout: { pa: { label: 'a word', vector: [1, 0] }, pb: { label: 'b word', vector: [0, 1] } },
	readoutHead: 'spread'
};

const e2 = Math.exp(2);

const state = (over: Partial<FigureState> = {}): FigureState => ({
	plane: 'default',
	focus: null,
	stage: 'update',
	sentence: 0,
	compare: [],
	source: null,
	query: null,
	causal: false,
	attend: true,
	readout: false,
	meanings: [],
	highlight: [],
	heads: ['look'],
	...over
});

describe('computeSentence', () => {
	it('computeSentence(model, "x y") returns every stage with the right shapes', () => {
		const s = computeSentence(model, 'X, y!', { heads: ['look'], causal: false }, 3);
		expect(s.index).toBe(3);
		expect(s.text).toBe('X, y!');
		expect(s.tokens).toEqual(['x', 'y']);
		expect(s.unknown).toEqual([false, false]);
		expect(s.embeddings).toEqual([
			[1, 0],
			[0, 1]
		]);
		expect(s.queries).toEqual([[1], [0]]);
		expect(s.keys).toEqual([[0], [2]]);
		expect(s.valuesDown).toEqual([[0], [1]]);
		expect(s.values).toEqual([
			[0, 0],
			[1, 0]
		]);
		expect(s.scores).toEqual([
			[0, 2],
			[0, 0]
		]);
		expect(s.scaled).toEqual(s.scores); // d_k = 1: √1 = 1
		expect(s.masked).toEqual(s.scaled);
		expectClose(s.weights, [
			[1 / (1 + e2), e2 / (1 + e2)],
			[0.5, 0.5]
		]);
		expectClose(s.deltas, [
			[e2 / (1 + e2), 0],
			[0.5, 0]
		]);
		expectClose(s.updated, [
			[1 + e2 / (1 + e2), 0],
			[0.5, 1]
		]);
		expect(s.heads.map((h) => h.name)).toEqual(['look']);
		expect(s.heads[0].deltas).toEqual(s.deltas);
	});

	it('computeSentence with causal masks later keys: −Infinity before softmax, exactly 0 after', () => {
		const s = computeSentence(model, 'x y', { heads: ['look'], causal: true });
		expect(s.masked).toEqual([
			[0, -Infinity],
			[0, 0]
		]);
		expect(s.weights[0]).toEqual([1, 0]);
		expect(s.deltas[0]).toEqual([0, 0]);
	});

	it('computeSentence with attend: false keeps the grid but applies no update', () => {
		const on = computeSentence(model, 'x y', { heads: ['look', 'spread'], causal: false });
		const off = computeSentence(model, 'x y', {
			heads: ['look', 'spread'],
			causal: false,
			attend: false
		});
		expect(off.weights).toEqual(on.weights);
		expect(off.scores).toEqual(on.scores);
		expect(off.deltas).toEqual([
			[0, 0],
			[0, 0]
		]);
		expect(off.updated).toEqual(off.embeddings);
		for (const head of off.heads) expect(head.deltas).toEqual(off.deltas);
	});

	it('computeSentence with two heads shows the first head’s grid and sums both proposals', () => {
		const s = computeSentence(model, 'x y', { heads: ['look', 'spread'], causal: false });
		const look = computeSentence(model, 'x y', { heads: ['look'], causal: false });
		const spread = computeSentence(model, 'x y', { heads: ['spread'], causal: false });
		expect(s.weights).toEqual(look.weights);
		expect(s.heads.map((h) => h.name)).toEqual(['look', 'spread']);
		expect(s.heads[0].deltas).toEqual(look.deltas);
		expect(s.heads[1].deltas).toEqual(spread.deltas);
		// spread: uniform weights over values [0, 1] (x) and [0, 0] (y).
		expectClose(spread.deltas, [
			[0, 0.5],
			[0, 0.5]
		]);
		expectClose(s.deltas, [
			[e2 / (1 + e2), 0.5],
			[0.5, 0.5]
		]);
		expectClose(
			s.updated,
			s.embeddings.map((row, i) => row.map((v, j) => v + s.deltas[i][j]))
		);
	});

	it('computeSentence flags an unknown word, gives it a zero vector and keeps its place', () => {
		const s = computeSentence(model, 'x zebra y', { heads: ['look'], causal: false });
		expect(s.tokens).toEqual(['x', 'zebra', 'y']);
		expect(s.unknown).toEqual([false, true, false]);
		expect(s.embeddings[1]).toEqual([0, 0]);
		expect(s.weights).toHaveLength(3);
	});

	it('computeSentence of an empty text gives empty matrices', () => {
		const s = computeSentence(model, ' … ', { heads: ['look'], causal: true });
		expect(s.tokens).toEqual([]);
		expect(s.weights).toEqual([]);
		expect(s.updated).toEqual([]);
	});

	it('computeSentence throws on an unknown head or no heads', () => {
		expect(() => computeSentence(model, 'x', { heads: ['nope'], causal: false })).toThrow(
			'unknown head "nope"; the model has: look, spread'
		);
		expect(() => computeSentence(model, 'x', { heads: [], causal: false })).toThrow('no heads');
	});

	it('computeSentence on any words: rows sum to 1, masked weights are 0, Δe adds up', () => {
		const words = fc.array(fc.constantFrom('x', 'y', 'zebra'), { minLength: 1, maxLength: 7 });
		fc.assert(
			fc.property(words, fc.boolean(), fc.boolean(), (ws, causal, both) => {
				const heads = both ? ['spread', 'look'] : ['look'];
				const s = computeSentence(model, ws.join(' '), { heads, causal });
				s.weights.forEach((row, i) => {
					expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
					row.forEach((w, j) => {
						if (causal && j > i) expect(w).toBe(0);
						expect(w).toBeGreaterThanOrEqual(0);
					});
				});
				const sum = s.heads.reduce(
					(acc, h) => acc.map((row, i) => row.map((v, j) => v + h.deltas[i][j])),
					s.embeddings.map((row) => row.map(() => 0))
				);
				expectClose(s.deltas, sum, 1e-12);
			})
		);
	});
});

describe('predictNext', () => {
	it('predictNext reads the last position, with and without the first head', () => {
		// The readout head `spread` copies b from x (its value reads a) into the last word, y.
		const p = predictNext(model, 'x y', { head: 'look', causal: true });
		expect(p?.position).toBe(1);
		expect(p?.token).toBe('y');
		expect(p?.head).toBe('look');
		expect(p?.readoutHead).toBe('spread');
		// Without: y = [0, 1] + spread over x [0, 1] and y [0, 0] → [0, 1.5]: pb wins.
		expectClose(p!.withoutUpdate.scores.pa, 0);
		expectClose(p!.withoutUpdate.scores.pb, 1.5);
		expect(p?.withoutUpdate.word).toBe('pb');
		expect(p?.withoutUpdate.label).toBe('b word');
		// With (causal): x keeps [1, 0]; y looks at x and y equally (its query is 0) and takes
		// half of y's value a: y = [0.5, 1]. Spread then runs on [[1, 0], [0.5, 1]]: values
		// [0, 1] and [0, 0.5], mean [0, 0.75], so y = [0.5, 1.75].
		expectClose(p!.withUpdate.scores.pa, 0.5);
		expectClose(p!.withUpdate.scores.pb, 1.75);
	});

	it('predictNext of no words is null', () => {
		expect(predictNext(model, '', { head: 'look', causal: true })).toBeNull();
	});
});

describe('computeStepData', () => {
	const chapter = { slug: 'tiny', sentences: ['x y', 'y', 'y x'] };

	it('computeStepData shows the focused and compared sentences once each, in ascending order', () => {
		const data = computeStepData(model, chapter, 'all', state({ sentence: 2, compare: [0, 2, 1] }));
		expect(data.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
		expect(data.sentences.map((s) => s.text)).toEqual(chapter.sentences);
		expect(data).toMatchObject({
			chapter: 'tiny',
			step: 'all',
			stage: 'update',
			causal: false,
			attend: true,
			query: null,
			heads: ['look']
		});
	});

	it('computeStepData adds meanings, readout and prediction only when the state asks', () => {
		const plain = computeStepData(model, chapter, 's', state());
		expect(plain.meanings).toBeUndefined();
		expect(plain.readout).toBeUndefined();
		expect(plain.prediction).toBeUndefined();

		const rich = computeStepData(
			model,
			chapter,
			's',
			state({ meanings: ['only-b'], readout: true, causal: true })
		);
		expect(rich.meanings).toEqual({ 'only-b': [0, 1] });
		expect(rich.readout).toEqual({ pa: [1, 0], pb: [0, 1] });
		const alone = predictNext(model, 'x y', { head: 'look', causal: true })!;
		expect(rich.prediction).toEqual({ ...alone, range: rich.prediction!.range });
	});

	it('the readout keeps one scale through the chapter: every sentence’s scores, both ways', () => {
		const options = { head: 'look', causal: true };
		const guesses = chapter.sentences.flatMap((text) => {
			const p = predictNext(model, text, options)!;
			return [p.withUpdate, p.withoutUpdate];
		});
		const scores = guesses.flatMap((g) => Object.values(g.scores));
		const labels = [...new Set(guesses.map((g) => g.label))].sort();
		expect(labels.length).toBeGreaterThan(0);
		for (const sentence of chapter.sentences.keys()) {
			const data = computeStepData(
				model,
				chapter,
				's',
				state({ sentence, readout: true, causal: true })
			);
			expect(data.prediction!.range).toEqual({
				min: Math.min(...scores),
				max: Math.max(...scores),
				labels
			});
		}
		// Alone, a prediction's range is its own sentence's.
		const alone = predictNext(model, chapter.sentences[0], options)!;
		const own = [alone.withUpdate, alone.withoutUpdate].flatMap((g) => Object.values(g.scores));
		expect(alone.range).toEqual({
			min: Math.min(...own),
			max: Math.max(...own),
			labels: [...new Set([alone.withUpdate.label, alone.withoutUpdate.label])].sort()
		});
	});

	it('computeStepData passes causal, attend and heads to every sentence', () => {
		const data = computeStepData(
			model,
			chapter,
			's',
			state({ compare: [2], causal: true, attend: false, heads: ['spread', 'look'] })
		);
		for (const s of data.sentences) {
			expect(s).toEqual(
				computeSentence(
					model,
					s.text,
					{ heads: ['spread', 'look'], causal: true, attend: false },
					s.index
				)
			);
		}
	});

	it('computeStepData survives JSON: masked cells become null and everything else round-trips', () => {
		const data = computeStepData(model, chapter, 's', state({ causal: true }));
		const json = JSON.parse(JSON.stringify(data));
		expect(json.sentences[0].masked).toEqual([
			[0, null],
			[0, 0]
		]);
		expect(json.sentences[0].weights).toEqual(data.sentences[0].weights);
	});

	it('computeStepData with a source: queries from the sentence, keys and values from the source', () => {
		// "y" (one word) reads "x y": y's query is 0, so it spreads evenly over x and y; the values
		// are x's (0, since look's value down reads b) and y's (a = 1).
		const data = computeStepData(model, chapter, 'cross', state({ sentence: 1, source: 0 }));
		const [s] = data.sentences;
		expect(s.tokens).toEqual(['y']);
		expect(s.source).toEqual({
			index: 0,
			text: 'x y',
			tokens: ['x', 'y'],
			unknown: [false, false]
		});
		expect(s.keys).toEqual([[0], [2]]);
		expect(s.weights).toEqual([[0.5, 0.5]]);
		expectClose(s.deltas, [[0.5, 0]]);
		expectClose(s.updated, [[0.5, 1]]);
		// Without a source the same sentence attends to itself: a 1×1 grid.
		expect(
			computeStepData(model, chapter, 'self', state({ sentence: 1 })).sentences[0].weights
		).toEqual([[1]]);
	});

	it('computeStepData throws on a missing sentence or meaning', () => {
		expect(() => computeStepData(model, chapter, 's', state({ sentence: 5 }))).toThrow(
			'tiny/s: there is no sentence 5 (the chapter has 3)'
		);
		expect(() => computeStepData(model, chapter, 's', state({ source: 7 }))).toThrow(
			'tiny/s: there is no source sentence 7 (the chapter has 3)'
		);
		expect(() => computeStepData(model, chapter, 's', state({ meanings: ['nope'] }))).toThrow(
			'unknown meaning "nope"'
		);
	});
});

describe('planePoint', () => {
	const plane = {
		x: { label: 'a', direction: { a: 2 } },
		y: { label: 'a and b', direction: { a: 1, b: 1 } }
	};

	it('planeAxis normalises the direction to length 1, in feature order', () => {
		expectClose(planeAxis({ b: 3, a: 4 }, ['a', 'b']), [0.8, 0.6]);
		expect(planeAxis({}, ['a', 'b'])).toEqual([0, 0]);
	});

	it('planePoint([3, 1]) is its dot product with each unit axis', () => {
		const [x, y] = planePoint([3, 1], plane, ['a', 'b']);
		expectClose(x, 3);
		expectClose(y, 4 / Math.SQRT2);
	});

	it('planePoint throws when an axis names an unknown feature', () => {
		expect(() =>
			planePoint([1, 0], { ...plane, x: { label: '?', direction: { c: 1 } } }, ['a', 'b'])
		).toThrow('unknown feature "c"');
	});
});
