// The numbers behind one step: the single computation figures, embeds and /data/*.json all share.
//
//   chapter sentence ──tokenize──▶ tokens ──embedTokens──▶ E
//   E ──runHeads(state.heads)──▶ grid of the first head (queries … weights) + Σ Δe of all heads
//   E (+ Δe of the first head) ──readout head──▶ last position ──· candidates──▶ next-word scores
import {
	dot,
	norm,
	runHead,
	runHeads,
	scaleVector,
	zeros,
	type Matrix,
	type Vector
} from '../engine/index.ts';
import type { Chapter, FigureState, Plane, Stage } from '../manifest.ts';
import { embedTokens, tokenize } from './tokenize.ts';
import type { ModelHead, ToyModel } from './types.ts';

/** The other sentence of a cross-attention step: the one whose words supply keys and values. */
export interface SourceData {
	/** Index of the sentence in its chapter's `sentences`. */
	index: number;
	text: string;
	tokens: string[];
	/** true where the word is not in the vocabulary (its embedding is all zeros). */
	unknown: boolean[];
}

/** The words along the grid's top, one per key: the source's in cross-attention, else the sentence's. */
export function keyTokens(sentence: Pick<SentenceData, 'tokens' | 'source'>): string[] {
	return sentence.source?.tokens ?? sentence.tokens;
}

/** Which key words are not in the vocabulary (see {@link keyTokens}). */
export function keyUnknown(sentence: Pick<SentenceData, 'unknown' | 'source'>): boolean[] {
	return sentence.source?.unknown ?? sentence.unknown;
}

/**
 * One sentence run through the model. Rows are tokens. In the grids (scores … weights) rows are
 * queries and columns are keys: n×n, or in cross-attention (`source` set) n×m, where the m keys
 * and values come from the source's words.
 *
 * Grid fields (queries … weights) come from the first head; `deltas` is the sum over all heads
 * and `updated = embeddings + deltas`.
 *
 * `masked` holds −Infinity in masked cells; JSON.stringify writes those as `null`.
 */
export interface SentenceData {
	/** Index of the sentence in its chapter's `sentences`. */
	index: number;
	text: string;
	tokens: string[];
	/** true where the word is not in the vocabulary (its embedding is all zeros). */
	unknown: boolean[];
	/** n×d_model: context-free embeddings e. */
	embeddings: Matrix;
	/** n×d_k */
	queries: Matrix;
	/** m×d_k (m = n, but in cross-attention) */
	keys: Matrix;
	/** m×d_v: values in the small space (S·valueDown, S the source or the sentence). */
	valuesDown: Matrix;
	/** m×d_model: values in embedding space (S·valueDown·valueUp). */
	values: Matrix;
	/** n×m: q · k. */
	scores: Matrix;
	/** n×m: scores / √d_k. */
	scaled: Matrix;
	/** n×m: scaled, with −Infinity where the causal mask hides a key (a copy when not causal). */
	masked: Matrix;
	/** n×m: softmax of each row of masked. */
	weights: Matrix;
	/** n×d_model: Δe summed over every head (zeros when the step does not attend). */
	deltas: Matrix;
	/** n×d_model: e + Δe (equal to embeddings when the step does not attend). */
	updated: Matrix;
	/** Each head's own proposal Δe, in the order of `state.heads`; they sum to `deltas`. */
	heads: { name: string; deltas: Matrix }[];
	/** Cross-attention only: the sentence that supplies the keys and values. */
	source?: SourceData;
}

/** The readout's verdict for one version of the last position's vector. */
export interface Guess {
	/** The candidate with the highest score (the first listed, on a tie). */
	word: string;
	/** The candidate's label from the model, e.g. `animal` or `food`. */
	label: string;
	/** Candidate word → dot product with the last position's final vector. */
	scores: Record<string, number>;
}

/**
 * The next-word readout, with and without the first head's update.
 *
 * Two steps, like two layers: the first head runs, then the model's readout head runs on its
 * result, and the last position's final vector is scored against each candidate by dot product.
 * `withoutUpdate` skips the first head, so every word keeps its context-free meaning.
 */
export interface Prediction {
	/** Index of the token whose vector is read out: always the last. */
	position: number;
	/** That token, e.g. `was`. */
	token: string;
	/** The first head, whose update is on or off. */
	head: string;
	/** The head that copies the sentence's meaning into the last position. */
	readoutHead: string;
	withUpdate: Guess;
	withoutUpdate: Guess;
	/**
	 * The lowest and highest score of any candidate for any of the chapter's sentences, with the
	 * update or without, and the labels any of their guesses carries ("animal", "food"): the
	 * readout's bars keep one scale through the chapter, so a longer bar is a higher score from
	 * one step to the next.
	 */
	range: { min: number; max: number; labels: string[] };
}

/** Everything a figure draws for one step, and everything /data/*.json publishes for it. */
export interface StepData {
	chapter: string;
	step: string;
	stage: Stage;
	causal: boolean;
	attend: boolean;
	/** The focused (query) token, or null. */
	query: string | null;
	/** Heads run, in order; the first is the grid's. */
	heads: string[];
	/** The focused sentence and the compared ones, in ascending sentence order. */
	sentences: SentenceData[];
	/** Meaning name → direction, only for the meanings the step names. */
	meanings?: Record<string, number[]>;
	/** Candidate next word → vector, only when the step shows the readout. */
	readout?: Record<string, number[]>;
	/** The focused sentence's next-word prediction, only when the step shows the readout. */
	prediction?: Prediction;
}

/** Looks up heads by name, or says which name is wrong. */
function headsByName(model: ToyModel, names: string[]): ModelHead[] {
	if (names.length === 0) throw new Error('no heads to run: name at least one head of the model');
	return names.map((name) => {
		const head = model.heads[name];
		if (!head) {
			throw new Error(
				`unknown head "${name}"; the model has: ${Object.keys(model.heads).join(', ')}`
			);
		}
		return head;
	});
}

/**
 * Runs a sentence through the named heads.
 *
 * @param options.heads head names; the first head's stages fill the grid fields.
 * @param options.causal mask later tokens in every head.
 * @param options.attend apply the update (default true). When false, `deltas` and every head's
 *   deltas are zeros and `updated` equals `embeddings` (the context-free view); the grid fields
 *   are still computed.
 * @param options.source cross-attention: the sentence (and its index in the chapter) whose words
 *   supply the keys and values; the text's words supply the queries.
 * @param index the sentence's index in its chapter, carried through to the result.
 * @throws Error when `heads` is empty or names a head the model does not have.
 */
export function computeSentence(
	model: ToyModel,
	text: string,
	options: {
		heads: string[];
		causal: boolean;
		attend?: boolean;
		source?: { index: number; text: string };
	},
	index = 0
): SentenceData {
	const weights = headsByName(model, options.heads);
	const tokens = tokenize(text);
	const { embeddings, unknown } = embedTokens(model, tokens);
	let source: (SourceData & { embeddings: Matrix }) | undefined;
	if (options.source) {
		const sourceTokens = tokenize(options.source.text);
		source = { ...options.source, tokens: sourceTokens, ...embedTokens(model, sourceTokens) };
	}
	const run = runHeads(embeddings, weights, {
		causal: options.causal,
		source: source?.embeddings
	});
	const grid = run.heads[0];
	const attend = options.attend ?? true;
	const none = () => zeros(tokens.length, model.features.length);
	return {
		index,
		text,
		tokens,
		unknown,
		embeddings,
		queries: grid.queries,
		keys: grid.keys,
		valuesDown: grid.valuesDown,
		values: grid.values,
		scores: grid.scores,
		scaled: grid.scaled,
		masked: grid.masked,
		weights: grid.weights,
		deltas: attend ? run.deltas : none(),
		updated: attend ? run.updated : embeddings.map((row) => [...row]),
		heads: options.heads.map((name, i) => ({
			name,
			deltas: attend ? run.heads[i].deltas : none()
		})),
		...(source && {
			source: {
				index: source.index,
				text: source.text,
				tokens: source.tokens,
				unknown: source.unknown
			}
		})
	};
}

/** Scores a vector against every readout candidate. */
function guess(model: ToyModel, vector: Vector): Guess {
	const scores: Record<string, number> = {};
	let word = '';
	for (const [candidate, { vector: direction }] of Object.entries(model.readout)) {
		scores[candidate] = dot(vector, direction);
		if (word === '' || scores[candidate] > scores[word]) word = candidate;
	}
	return { word, label: model.readout[word]?.label ?? '', scores };
}

/**
 * Predicts the word after `text` from its last position, with and without `head`'s update.
 *
 * How it works (the story the prose tells): first `head` runs, so words can move each other
 * (in "the hot dog was", "dog" moves toward food). Then the model's readout head runs on that
 * result: the last word looks back at the nouns and their modifiers and copies what they are about
 * into its own vector. That final vector is compared with each candidate word by dot product, and
 * the highest score wins. Without the first head, "dog" keeps its context-free, animal meaning.
 *
 * @returns null when the text has no words.
 * @throws Error when `head` is not a head of the model.
 */
export function predictNext(
	model: ToyModel,
	text: string,
	options: { head: string; causal: boolean }
): Prediction | null {
	const [first] = headsByName(model, [options.head]);
	const [readout] = headsByName(model, [model.readoutHead]);
	const tokens = tokenize(text);
	if (tokens.length === 0) return null;
	const { embeddings } = embedTokens(model, tokens);
	const position = tokens.length - 1;
	const last = (input: Matrix) => runHead(input, readout, options).updated[position];
	const moved = runHead(embeddings, first, options).updated;
	const withUpdate = guess(model, last(moved));
	const withoutUpdate = guess(model, last(embeddings));
	return {
		position,
		token: tokens[position],
		head: options.head,
		readoutHead: model.readoutHead,
		withUpdate,
		withoutUpdate,
		range: scoreRange([withUpdate, withoutUpdate])
	};
}

/** The lowest and highest of the guesses' scores, and their labels. */
function scoreRange(guesses: Guess[]): Prediction['range'] {
	const scores = guesses.flatMap((g) => Object.values(g.scores));
	const labels = [...new Set(guesses.map((g) => g.label))].sort();
	return { min: Math.min(...scores), max: Math.max(...scores), labels };
}

/** The sentence a cross-attention step's keys and values come from, or undefined. */
function sourceOf(
	chapter: Pick<Chapter, 'slug' | 'sentences'>,
	stepId: string,
	state: FigureState
): { index: number; text: string } | undefined {
	if (state.source === null || state.source === undefined) return undefined;
	const text = chapter.sentences[state.source];
	if (text === undefined) {
		throw new Error(
			`${chapter.slug}/${stepId}: there is no source sentence ${state.source} (the chapter has ${chapter.sentences.length})`
		);
	}
	return { index: state.source, text };
}

/**
 * The numbers for one step of a chapter: the sentences it shows, and the meanings and readout it
 * names. Sentences shown are `state.sentence` and `state.compare`, once each, in ascending order;
 * with `state.source` (cross-attention), each takes its keys and values from that sentence.
 *
 * @throws Error when the state names a sentence, head or meaning that does not exist.
 */
export function computeStepData(
	model: ToyModel,
	chapter: Pick<Chapter, 'slug' | 'sentences'>,
	stepId: string,
	state: FigureState
): StepData {
	const indices = [...new Set([state.sentence, ...state.compare])].sort((a, b) => a - b);
	const sentences = indices.map((i) => {
		const text = chapter.sentences[i];
		if (text === undefined) {
			throw new Error(
				`${chapter.slug}/${stepId}: there is no sentence ${i} (the chapter has ${chapter.sentences.length})`
			);
		}
		return computeSentence(
			model,
			text,
			{
				heads: state.heads,
				causal: state.causal,
				attend: state.attend,
				source: sourceOf(chapter, stepId, state)
			},
			i
		);
	});
	const data: StepData = {
		chapter: chapter.slug,
		step: stepId,
		stage: state.stage,
		causal: state.causal,
		attend: state.attend,
		query: state.query,
		heads: [...state.heads],
		sentences
	};
	if (state.meanings.length > 0) {
		data.meanings = Object.fromEntries(
			state.meanings.map((name) => {
				const meaning = model.meanings[name];
				if (!meaning) throw new Error(`${chapter.slug}/${stepId}: unknown meaning "${name}"`);
				return [name, [...meaning.vector]];
			})
		);
	}
	if (state.readout) {
		data.readout = Object.fromEntries(
			Object.entries(model.readout).map(([word, { vector }]) => [word, [...vector]])
		);
		const options = { head: state.heads[0], causal: state.causal };
		const prediction = predictNext(model, chapter.sentences[state.sentence], options);
		if (prediction) {
			// One scale for the chapter: every sentence's scores, with the update and without.
			const all = chapter.sentences.flatMap((text) => {
				const p = predictNext(model, text, options);
				return p ? [p.withUpdate, p.withoutUpdate] : [];
			});
			prediction.range = scoreRange(all);
			data.prediction = prediction;
		}
	}
	return data;
}

/**
 * The unit vector of a plane axis: the direction's weights in `features` order, normalised.
 * A direction of all zeros gives all zeros.
 * @throws Error when the direction names a feature not in `features`.
 */
export function planeAxis(direction: Record<string, number>, features: string[]): Vector {
	const dense = features.map(() => 0);
	for (const [feature, weight] of Object.entries(direction)) {
		const i = features.indexOf(feature);
		if (i < 0) throw new Error(`plane direction names unknown feature "${feature}"`);
		dense[i] = weight;
	}
	const length = norm(dense);
	return length === 0 ? dense : scaleVector(dense, 1 / length);
}

/**
 * Where a vector lands in a chapter's 2-D plane: its dot product with each axis's unit direction.
 * @throws Error when an axis names a feature not in `features`.
 */
export function planePoint(vector: Vector, plane: Plane, features: string[]): [number, number] {
	return [
		dot(vector, planeAxis(plane.x.direction, features)),
		dot(vector, planeAxis(plane.y.direction, features))
	];
}
