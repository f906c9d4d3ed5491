// Tests that shared try-it URLs read back exactly, are capped, and fall back to defaults when malformed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	MAX_CHARS,
	MAX_NUDGE,
	MAX_TOKENS,
	TRY_STAGES,
	cleanSentence,
	defaultTryState,
	normaliseTryState,
	parseTryState,
	refocus,
	serialiseTryState,
	tryTokens,
	type TryState
} from './state.ts';

const HOT_DOG = {
	sentences: ['the dog was', 'the hot dog was'],
	defaults: { sentence: 1, query: 'dog', causal: true }
};
const DEFAULTS = defaultTryState(HOT_DOG, 4);

const parse = (query: string) => parseTryState(new URLSearchParams(query), 'hot-dog', DEFAULTS, 4);

describe('defaultTryState', () => {
	it('defaultTryState(hot dog) opens on the chapter sentence, its query and its mask', () => {
		expect(DEFAULTS).toEqual({
			sentence: 'the hot dog was',
			query: 2,
			causal: true,
			stage: 'mask',
			nudge: [0, 0, 0, 0]
		});
	});

	it('defaultTryState shows plain softmax when the chapter does not mask', () => {
		const s = defaultTryState(
			{
				sentences: ['a blue creature'],
				defaults: { sentence: 0, query: 'creature', causal: false }
			},
			4
		);
		expect(s.stage).toBe('softmax');
		expect(s.query).toBe(2);
	});
});

describe('parseTryState', () => {
	it('parseTryState returns null without state for this chapter', () => {
		expect(parse('')).toBeNull();
		expect(parse('s=the+cat')).toBeNull();
		expect(parse('try=mole&s=the+cat')).toBeNull();
	});

	it('parseTryState(try only) gives the defaults', () => {
		expect(parse('try=hot-dog')).toEqual(DEFAULTS);
	});

	it('parseTryState reads every parameter', () => {
		expect(parse('try=hot-dog&s=a+fluffy+cat&q=2&causal=0&stage=scale&dq=0,1.5,-2,0')).toEqual({
			sentence: 'a fluffy cat',
			query: 2,
			causal: false,
			stage: 'scale',
			nudge: [0, 1.5, -2, 0]
		});
	});

	it('parseTryState falls back to defaults for malformed values, silently', () => {
		for (const bad of [
			'q=abc',
			'q=-1',
			'q=1.5',
			'q=99',
			'q=123456789',
			'causal=maybe',
			'stage=%3Cscript%3E',
			'stage=embedding',
			'dq=1,2',
			'dq=a,b,c,d',
			'dq=1e3,0,0,0',
			'dq=,,,',
			'dq=' + '1,'.repeat(1000)
		]) {
			expect(parse(`try=hot-dog&${bad}`), bad).toEqual(DEFAULTS);
		}
	});

	it('parseTryState with a query past a new sentence falls back to its last word', () => {
		expect(parse('try=hot-dog&s=the+cat&q=7')?.query).toBe(1);
	});

	it('parseTryState keeps the mask on at the mask stage', () => {
		expect(parse('try=hot-dog&causal=0&stage=mask')).toMatchObject({ causal: true, stage: 'mask' });
	});

	it('parseTryState caps the sentence at MAX_CHARS before reading it', () => {
		const long = 'dog '.repeat(400);
		const s = parse(`try=hot-dog&s=${encodeURIComponent(long)}`)!;
		expect(s.sentence.length).toBe(MAX_CHARS);
		expect(tryTokens(s.sentence)).toEqual({
			tokens: Array(MAX_TOKENS).fill('dog'),
			dropped: 50 - MAX_TOKENS
		});
	});

	it('parseTryState clamps large adjustments to ±MAX_NUDGE', () => {
		expect(parse('try=hot-dog&dq=100,-100,0.123,0')?.nudge).toEqual([
			MAX_NUDGE,
			-MAX_NUDGE,
			0.12,
			0
		]);
	});

	it('parseTryState keeps markup as plain text', () => {
		const text = '<img src=x onerror=alert(1)>';
		expect(parse(`try=hot-dog&s=${encodeURIComponent(text)}`)?.sentence).toBe(text);
	});

	it('parseTryState keeps an empty sentence (the reader cleared it)', () => {
		expect(parse('try=hot-dog&s=')).toMatchObject({ sentence: '', query: 0 });
	});
});

describe('serialiseTryState', () => {
	it('serialiseTryState writes short, ordered parameters and leaves out a zero adjustment', () => {
		expect(serialiseTryState('hot-dog', DEFAULTS).toString()).toBe(
			'try=hot-dog&s=the+hot+dog+was&q=2&causal=1&stage=mask'
		);
		expect(serialiseTryState('hot-dog', { ...DEFAULTS, nudge: [0, 1.5, -0.25, 0] }).get('dq')).toBe(
			'0,1.5,-0.25,0'
		);
	});

	it('parseTryState(serialiseTryState(state)) gives the state back', () => {
		const state = fc.record({
			sentence: fc.string({ maxLength: 260, unit: 'grapheme' }),
			query: fc.integer({ min: 0, max: 30 }),
			causal: fc.boolean(),
			stage: fc.constantFrom(...TRY_STAGES),
			nudge: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 })
		});
		fc.assert(
			fc.property(state, (raw: TryState) => {
				const normal = normaliseTryState(raw, 4);
				const url = `?${serialiseTryState('hot-dog', normal)}`;
				const back = parseTryState(new URL(url, 'http://x/').searchParams, 'hot-dog', DEFAULTS, 4);
				expect(back).toEqual(normal);
			})
		);
	});
});

describe('cleanSentence', () => {
	it('cleanSentence turns control characters and bidi overrides into spaces', () => {
		expect(cleanSentence('the\nhot\u202edog\u0000was')).toBe('the hot dog was');
	});

	it('cleanSentence never splits an emoji at the cap', () => {
		const text = 'a'.repeat(MAX_CHARS - 1) + '🐶';
		expect(cleanSentence(text)).toBe('a'.repeat(MAX_CHARS - 1));
	});
});

describe('refocus', () => {
	it('refocus follows the focused word when typing shifts it', () => {
		expect(refocus(['the', 'hot', 'dog'], 2, ['a', 'the', 'hot', 'dog'])).toBe(3);
	});

	it('refocus follows the same occurrence of a repeated word', () => {
		expect(refocus(['dog', 'and', 'dog'], 2, ['a', 'dog', 'and', 'dog'])).toBe(3);
	});

	it('refocus stays in range when the word is gone', () => {
		expect(refocus(['the', 'hot', 'dog'], 2, ['the', 'hot'])).toBe(1);
		expect(refocus(['the'], 0, [])).toBe(0);
	});
});
