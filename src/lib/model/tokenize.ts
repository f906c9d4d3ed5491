// Turns typed text into the words the toy model looks up, and looks them up without dropping any.
import type { Matrix } from '../engine/index.ts';
import type { ToyModel } from './types.ts';

/** A run of letters, digits or combining marks, optionally joined by apostrophes inside the word. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/**
 * Splits text into lowercase words, the way the essay reads every sentence.
 *
 * Letters and digits of any script are kept (accents too, in their composed form); whitespace,
 * punctuation, symbols and emoji separate words. An apostrophe inside a word stays ("don't",
 * with a curly ’ read as a straight '); one at either end is dropped. Repeated words stay repeated.
 *
 * @example tokenize('The hot-dog, was…') // ['the', 'hot', 'dog', 'was']
 */
export function tokenize(text: string): string[] {
	const normal = text
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\u2019\u02bc]/g, "'");
	return normal.match(WORD) ?? [];
}

/**
 * Looks every token up in the model's vocabulary, one row per token.
 *
 * A word the model does not know gets a zero vector and `unknown[i] = true`; it is never dropped,
 * so positions still line up with the tokens. Rows are copies: changing them leaves the model alone.
 */
export function embedTokens(
	model: Pick<ToyModel, 'features' | 'vocabulary'>,
	tokens: string[]
): { embeddings: Matrix; unknown: boolean[] } {
	const unknown = tokens.map((t) => !Object.hasOwn(model.vocabulary, t));
	const embeddings = tokens.map((t, i) =>
		unknown[i] ? model.features.map(() => 0) : [...model.vocabulary[t]]
	);
	return { embeddings, unknown };
}
