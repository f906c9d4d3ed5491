// Tests for reading text into words and words into vectors.
import { describe, expect, it } from 'vitest';
import { embedTokens, tokenize } from './tokenize.ts';

describe('tokenize', () => {
	it('tokenize("The hot dog was") lowercases and splits on spaces', () => {
		expect(tokenize('The hot dog was')).toEqual(['the', 'hot', 'dog', 'was']);
	});

	it('tokenize splits on punctuation and runs of whitespace', () => {
		expect(tokenize('  One mole…of carbon-dioxide!\n\t(really?) "yes";  ')).toEqual([
			'one',
			'mole',
			'of',
			'carbon',
			'dioxide',
			'really',
			'yes'
		]);
	});

	it('tokenize keeps apostrophes inside words and drops them at the edges', () => {
		expect(tokenize("Don't say 'dogs' rock’n’roll")).toEqual([
			"don't",
			'say',
			'dogs',
			"rock'n'roll"
		]);
	});

	it('tokenize keeps accented letters, composed or not, and other scripts', () => {
		expect(tokenize('Café CAFE\u0301 naïve Zürich')).toEqual(['café', 'café', 'naïve', 'zürich']);
		expect(tokenize('Привет, мир 東京')).toEqual(['привет', 'мир', '東京']);
	});

	it('tokenize keeps digits and treats emoji and symbols as separators', () => {
		expect(tokenize('the 🐶dog🌭 was 100% 3rd')).toEqual(['the', 'dog', 'was', '100', '3rd']);
	});

	it('tokenize keeps repeated words, in order', () => {
		expect(tokenize('the dog, the DOG, the dog')).toEqual([
			'the',
			'dog',
			'the',
			'dog',
			'the',
			'dog'
		]);
	});

	it('tokenize("") and tokenize of only punctuation give no words', () => {
		expect(tokenize('')).toEqual([]);
		expect(tokenize(' …!? 🌭 ')).toEqual([]);
	});
});

describe('embedTokens', () => {
	const model = { features: ['animal', 'food'], vocabulary: { dog: [1, 0], hot: [0, 0.5] } };

	it('embedTokens looks up every token, repeated ones too', () => {
		expect(embedTokens(model, ['hot', 'dog', 'dog'])).toEqual({
			embeddings: [
				[0, 0.5],
				[1, 0],
				[1, 0]
			],
			unknown: [false, false, false]
		});
	});

	it('embedTokens gives an unknown word a zero vector and flags it, never dropping it', () => {
		expect(embedTokens(model, ['the', 'dog', 'constructor'])).toEqual({
			embeddings: [
				[0, 0],
				[1, 0],
				[0, 0]
			],
			unknown: [true, false, true]
		});
	});

	it('embedTokens returns copies, so changing a row leaves the model alone', () => {
		const { embeddings } = embedTokens(model, ['dog']);
		embeddings[0][0] = 99;
		expect(model.vocabulary.dog).toEqual([1, 0]);
	});

	it('embedTokens of no tokens is empty', () => {
		expect(embedTokens(model, [])).toEqual({ embeddings: [], unknown: [] });
	});
});
