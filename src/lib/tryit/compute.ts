// The try-it's numbers: one head run on the reader's sentence, with the focused query moved by hand.
//
//   sentence ──tryTokens──▶ tokens (≤ 24) ──embedTokens──▶ E (unknown words: zeros, flagged)
//   E ──·W_Q──▶ queries ──(+ Δq on the focused row)──┐
//   E ──·W_K──▶ keys ────────────────────────────────┴─ scores ─ /√d_k ─ mask? ─ softmax ─ weights
//   E ──·down·up──▶ values ─────────────────────────────────────────────────────────────────┴─ Δe
//
// Every stage is an engine function; nothing here re-implements softmax or the mask.
import {
	add,
	project,
	runHead,
	type HeadTrace,
	type HeadWeights,
	type Matrix,
	type Vector
} from '../engine/index.ts';
import { WIDTH, gridLayout } from '../figures/layout.ts';
import type { FigureState } from '../manifest.ts';
import type { SentenceData, StepData } from '../model/step-data.ts';
import { embedTokens } from '../model/tokenize.ts';
import type { ToyModel } from '../model/types.ts';
import { QUERY_RANGE, tryTokens, type TryState } from './state.ts';

/**
 * One head's full pass with the focused query adjusted: `queries[focus] += nudge`, each component
 * kept within ±{@link QUERY_RANGE} (the sliders' range) when the adjustment is not zero. Scores,
 * scaled scores, the mask, weights, Δe and e + Δe all follow from the adjusted queries.
 *
 * @param options.focus the row to adjust; out of range (e.g. −1) adjusts nothing.
 * @param options.nudge offsets for that row, length d_k; zeros leave the pass exactly as `runHead`.
 * @throws Error when a weight matrix does not fit the embeddings (as the engine does).
 */
export function adjustedTrace(
	embeddings: Matrix,
	head: HeadWeights,
	options: { causal: boolean; focus: number; nudge: Vector }
): HeadTrace {
	const { focus, nudge } = options;
	return runHead(embeddings, head, {
		causal: options.causal,
		adjustQueries: (queries) => {
			if (!queries[focus] || nudge.every((x) => x === 0)) return queries;
			const moved = add(queries[focus], nudge).map((x) =>
				Math.max(-QUERY_RANGE, Math.min(QUERY_RANGE, x))
			);
			return queries.map((row, i) => (i === focus ? moved : row));
		}
	});
}

/** Longest label the figure sets, in character widths (wide scripts count double). */
export const MAX_LABEL = 12;

const WIDE = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

/** A whole number in subscript digits: 12 → "₁₂". */
function subscript(n: number): string {
	return [...String(n)].map((d) => SUBSCRIPT[Number(d)]).join('');
}

/** A word cut to {@link MAX_LABEL} character widths, with an ellipsis when cut. */
function shorten(word: string): string {
	const chars = [...word];
	const widthOf = (ch: string) => (WIDE.test(ch) ? 2 : 1);
	if (chars.reduce((sum, ch) => sum + widthOf(ch), 0) <= MAX_LABEL) return word;
	let width = 0;
	let out = '';
	for (const ch of chars) {
		if (width + widthOf(ch) > MAX_LABEL - 1) break;
		width += widthOf(ch);
		out += ch;
	}
	return `${out}…`;
}

/**
 * Labels for the figure: each token, shortened to {@link MAX_LABEL} widths, and made unique by a
 * subscript on repeats ("the", "dog", "the₂"), because the figure finds rows by label.
 */
export function displayLabels(tokens: string[]): string[] {
	const used = new Set<string>();
	const seen = new Map<string, number>();
	return tokens.map((token) => {
		const short = shorten(token);
		let k = (seen.get(short) ?? 0) + 1;
		let label = k === 1 ? short : `${short}${subscript(k)}`;
		while (used.has(label)) {
			k++;
			label = `${short}${subscript(k)}`;
		}
		seen.set(short, k);
		used.add(label);
		return label;
	});
}

/** The try-it's numbers for one state. */
export interface TryRun {
	/** The sentence as run (already capped). */
	text: string;
	/** The words run (at most MAX_TOKENS). */
	tokens: string[];
	/** Unique, shortened labels for the figure, one per token. */
	labels: string[];
	/** true where the model does not know the word (zero embedding). */
	unknown: boolean[];
	/** Words left out past the cap. */
	dropped: number;
	/** The focused row, or −1 when there are no tokens. */
	focus: number;
	/** The focused query before adjustment, W_Q e (empty without tokens). */
	baseQuery: Vector;
	/** The focused query as used, after adjustment. */
	query: Vector;
	/** The head that ran. */
	head: string;
	/** Every stage of the head's pass, with the adjusted query. */
	trace: HeadTrace;
}

/**
 * Runs a try-it state through one head of the model.
 * @throws Error when the model has no head called `head`.
 */
export function runTry(model: ToyModel, head: string, state: TryState): TryRun {
	const weights = model.heads[head];
	if (!weights) throw new Error(`unknown head "${head}"`);
	const { tokens, dropped } = tryTokens(state.sentence);
	const { embeddings, unknown } = embedTokens(model, tokens);
	const focus = tokens.length === 0 ? -1 : Math.max(0, Math.min(tokens.length - 1, state.query));
	const trace = adjustedTrace(embeddings, weights, {
		causal: state.causal,
		focus,
		nudge: state.nudge
	});
	const baseQuery = focus < 0 ? [] : project([embeddings[focus]], weights.query)[0];
	return {
		text: state.sentence,
		tokens,
		labels: displayLabels(tokens),
		unknown,
		dropped,
		focus,
		baseQuery,
		query: focus < 0 ? [] : trace.queries[focus],
		head,
		trace
	};
}

/** The run as the figure's per-sentence data, with labels standing in for tokens. */
export function sentenceData(run: TryRun): SentenceData {
	const t = run.trace;
	return {
		index: 0,
		text: run.text,
		tokens: run.labels,
		unknown: run.unknown,
		embeddings: t.embeddings,
		queries: t.queries,
		keys: t.keys,
		valuesDown: t.valuesDown,
		values: t.values,
		scores: t.scores,
		scaled: t.scaled,
		masked: t.masked,
		weights: t.weights,
		deltas: t.deltas,
		updated: t.updated,
		heads: [{ name: run.head, deltas: t.deltas }]
	};
}

/**
 * The figure's state and data for a run: the chapter's defaults with the try-it's stage, mask and
 * focused query, one sentence, and the chapter's meanings for the update view.
 */
export function figureInput(
	run: TryRun,
	state: TryState,
	chapter: { slug: string; defaults: FigureState },
	model: Pick<ToyModel, 'meanings'>
): { state: FigureState; data: StepData } {
	const query = run.focus >= 0 ? run.labels[run.focus] : null;
	const figureState: FigureState = {
		...chapter.defaults,
		stage: state.stage,
		sentence: 0,
		compare: [],
		source: null,
		query,
		causal: state.causal,
		attend: true,
		readout: false,
		highlight: [],
		heads: [run.head],
		plane: 'default'
	};
	const meanings = Object.fromEntries(
		chapter.defaults.meanings
			.filter((name) => model.meanings[name])
			.map((name) => [name, model.meanings[name].vector])
	);
	const data: StepData = {
		chapter: chapter.slug,
		step: 'try',
		stage: state.stage,
		causal: state.causal,
		attend: true,
		query,
		heads: [run.head],
		sentences: [sentenceData(run)]
	};
	if (Object.keys(meanings).length > 0) data.meanings = meanings;
	return { state: figureState, data };
}

/** One key of the focused row: its token, weight, and whether the causal mask hides it. */
export interface KeyWeight {
	index: number;
	token: string;
	weight: number;
	masked: boolean;
}

/** The focused query's weights, in sentence order (empty without tokens). */
export function focusedWeights(run: TryRun): KeyWeight[] {
	if (run.focus < 0) return [];
	return run.trace.weights[run.focus].map((weight, index) => ({
		index,
		token: run.tokens[index],
		weight,
		masked: run.trace.masked[run.focus][index] === -Infinity
	}));
}

/** The key the focused query attends to most (the first on a tie), or null without tokens. */
export function topKey(run: TryRun): KeyWeight | null {
	let best: KeyWeight | null = null;
	for (const k of focusedWeights(run)) if (!best || k.weight > best.weight) best = k;
	return best;
}

/**
 * What each query component listens for: the features whose keys feed that column of W_K,
 * strongest first ("modifier", "texture, colour"). A reader moving component c toward positive
 * values raises the scores of keys built from those features.
 */
export function componentHints(head: Pick<HeadWeights, 'key'>, features: string[]): string[] {
	const size = head.key[0]?.length ?? 0;
	return Array.from({ length: size }, (_, c) =>
		head.key
			.map((row, f) => ({ name: features[f] ?? `#${f + 1}`, w: row[c] }))
			.filter((e) => e.w > 0)
			.sort((a, b) => b.w - a.w)
			.slice(0, 3)
			.map((e) => e.name)
			.join(', ')
	);
}

/** Smallest cell side (viewBox units) the try-it's grid keeps, so 24 words stay readable. */
export const MIN_CELL = 18;

const CANVAS_LIMIT = 1600;
const CANVAS_STEP = 20;
let lastCanvas: { key: string; size: { width: number; height: number } } | null = null;

/** The smallest size, in steps of 20 from 400, for which `fits(size)` holds (binary search). */
function smallest(fits: (size: number) => boolean): number {
	let lo = 0;
	let hi = (CANVAS_LIMIT - WIDTH) / CANVAS_STEP;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (fits(WIDTH + mid * CANVAS_STEP)) hi = mid;
		else lo = mid + 1;
	}
	return WIDTH + lo * CANVAS_STEP;
}

/**
 * The viewBox for the try-it's grid: the figure's usual 400 × 400 while cells are at least
 * {@link MIN_CELL} units, growing (in steps of 20) for long sentences so they never get smaller,
 * instead of the cells shrinking until the labels spill out of the figure. The last answer is
 * remembered, so moving a slider (same words) costs nothing.
 * @param strip whether a focused row's strip is drawn under the grid.
 */
export function gridCanvas(labels: string[], strip: boolean): { width: number; height: number } {
	const key = `${strip}\u0000${labels.join('\u0000')}`;
	if (lastCanvas?.key === key) return lastCanvas.size;
	const cell = (width: number, height: number) => gridLayout(labels, { strip, width, height }).cell;
	const width = smallest((w) => cell(w, CANVAS_LIMIT) >= MIN_CELL);
	const height = smallest((h) => cell(width, h) >= MIN_CELL);
	lastCanvas = { key, size: { width, height } };
	return lastCanvas.size;
}
