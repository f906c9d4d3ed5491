// Tests for the embed's query words and suggested size.
import { describe, expect, it } from 'vitest';
import type { FigureState } from '../manifest.ts';
import { embedCaption, embedHeight, embedSize, queryWords } from './size.ts';

const state = (over: Partial<FigureState>): FigureState => ({
	stage: 'softmax',
	sentence: 0,
	compare: [],
	source: null,
	query: 'dog',
	causal: false,
	attend: true,
	readout: false,
	meanings: [],
	highlight: [],
	heads: ['main'],
	plane: 'default',
	focus: null,
	...over
});

describe('queryWords', () => {
	const sentences = ['the hot dog was', 'the the dog'];

	it('queryWords(softmax state, sentences) is every word of the focused sentence', () => {
		expect(queryWords(state({}), sentences)).toEqual(['the', 'hot', 'dog', 'was']);
	});

	it('queryWords lists a repeated word once', () => {
		expect(queryWords(state({ sentence: 1 }), sentences)).toEqual(['the', 'dog']);
	});

	it('queryWords is empty for stages, states and sentences without one focused word', () => {
		expect(queryWords(state({ stage: 'embedding' }), sentences)).toEqual([]);
		expect(queryWords(state({ stage: 'parameters' }), sentences)).toEqual([]);
		expect(queryWords(state({ query: null }), sentences)).toEqual([]);
		expect(queryWords(state({ readout: true }), sentences)).toEqual([]);
		expect(queryWords(state({ compare: [0, 1] }), sentences)).toEqual([]);
		expect(queryWords(state({ sentence: 5 }), sentences)).toEqual([]);
		expect(queryWords(state({}), ['tower'])).toEqual([]);
	});
});

describe('embedHeight', () => {
	it('embedHeight(short caption, no words, 560) fits padding, figure, one caption line and link', () => {
		// 12 + 536 + 8, then 13 + 21 for the caption, then 44 for the link: 634, rounded up.
		expect(embedHeight('Hot dog: Embedding. A short caption.', [], 560)).toBe(640);
	});

	it('embedHeight grows with word buttons and with the caption', () => {
		const base = embedHeight('x', [], 560);
		expect(embedHeight('x', ['the', 'hot', 'dog'], 560)).toBeGreaterThan(base);
		expect(embedHeight('x '.repeat(200), [], 560)).toBeGreaterThanOrEqual(base + 100);
		const words = 'a fluffy blue creature roamed the verdant forest'.split(' ');
		const rows = (width: number) => embedHeight('x', words, width) - embedHeight('x', [], width);
		expect(rows(300)).toBeGreaterThan(rows(1000));
	});

	it('embedHeight is a multiple of 10', () => {
		expect(embedHeight('Some caption text', ['a', 'b'], 480) % 10).toBe(0);
	});
});

describe('embedSize', () => {
	it('embedSize(chapter, step) is 560 wide with the estimated height', () => {
		const step = {
			id: 'softmax',
			chapter: 'hot-dog',
			line: 1,
			state: state({}),
			summary: 'Softmax turns each row of scores into weights.'
		};
		const size = embedSize(
			{ title: 'Hot dog', sentences: ['the hot dog was'], steps: [step] },
			step
		);
		expect(size.width).toBe(560);
		expect(size.height).toBe(
			embedHeight(
				embedCaption('Hot dog, step 1 of 1: Softmax', step.summary),
				['the', 'hot', 'dog', 'was'],
				560
			)
		);
	});

	it('embedCaption is the step’s name, then its summary', () => {
		expect(embedCaption('Mole, step 6 of 9: Value update', 'Run the same head.')).toBe(
			'Mole, step 6 of 9: Value update. Run the same head.'
		);
	});
});
