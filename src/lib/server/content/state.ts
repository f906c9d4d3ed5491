// Validates the figure state a chapter or step declares, and merges a step's state over its chapter's.
import { FOCUS, STAGES, type FigureState, type Stage } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import { tokenize } from '$lib/model/tokenize';

/** Attributes a step may declare, beside its `#id`. */
export const STEP_ATTRIBUTES = [
	'stage',
	'sentence',
	'compare',
	'source',
	'query',
	'causal',
	'attend',
	'readout',
	'meanings',
	'highlight',
	'heads',
	'plane',
	'focus'
] as const;

type Key = (typeof STEP_ATTRIBUTES)[number];

/** The stages that can show cross-attention: the grid's, without the causal mask. */
export const CROSS_STAGES: readonly Stage[] = ['dot-product', 'scale', 'softmax'];

/** A raw value from YAML (any type) or from a directive attribute (always a string). */
type Raw = unknown;

/** What a state is checked against. */
export interface StateContext {
	model: ToyModel;
	sentences: string[];
	/** Names of the chapter's planes. */
	planes: string[];
}

/** The state every chapter starts from before its own defaults. */
export function baseState(model: ToyModel): FigureState {
	return {
		stage: 'embedding',
		sentence: 0,
		compare: [],
		source: null,
		query: null,
		causal: false,
		attend: true,
		readout: false,
		meanings: [],
		highlight: [],
		heads: Object.keys(model.heads).slice(0, 1),
		plane: 'default',
		focus: null
	};
}

function list(value: Raw, what: string): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v));
	if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
	if (typeof value === 'number') return [String(value)];
	throw new Error(`${what} should be a list of names separated by spaces`);
}

function bool(value: Raw, key: string): boolean {
	if (value === true || value === '' || value === 'true') return true;
	if (value === false || value === 'false') return false;
	throw new Error(`"${key}" must be true or false (got "${String(value)}")`);
}

function index(value: Raw, key: string, count: number): number {
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isInteger(n) || n < 0 || n >= count) {
		throw new Error(
			`"${key}" must be the number of one of the chapter's sentences, from 0 to ${count - 1} (got "${String(value)}")`
		);
	}
	return n;
}

/**
 * Check raw attributes and turn them into a partial state. Throws a plain Error whose message is
 * written for writers; callers add the file and line.
 */
export function parsePartialState(
	raw: Record<string, Raw>,
	ctx: StateContext
): Partial<FigureState> {
	const out: Partial<FigureState> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (!(STEP_ATTRIBUTES as readonly string[]).includes(key)) {
			throw new Error(
				`unknown attribute "${key}". A step may declare: #id, ${STEP_ATTRIBUTES.join(', ')}`
			);
		}
		const k = key as Key;
		switch (k) {
			case 'stage': {
				if (!(STAGES as readonly string[]).includes(String(value))) {
					throw new Error(`unknown stage "${String(value)}". Use one of: ${STAGES.join(', ')}`);
				}
				out.stage = value as Stage;
				break;
			}
			case 'sentence':
				out.sentence = index(value, 'sentence', ctx.sentences.length);
				break;
			case 'compare':
				out.compare = list(value, 'compare').map((v) => index(v, 'compare', ctx.sentences.length));
				break;
			case 'source':
				out.source =
					value === null || value === '' || value === 'none'
						? null
						: index(value, 'source', ctx.sentences.length);
				break;
			case 'query':
				out.query = value === null || value === '' ? null : String(value).toLowerCase();
				break;
			case 'causal':
			case 'attend':
			case 'readout':
				out[k] = bool(value, k);
				break;
			case 'meanings': {
				const names = list(value, 'meanings');
				for (const n of names) {
					if (!ctx.model.meanings[n]) {
						throw new Error(
							`unknown meaning "${n}". The toy model has: ${Object.keys(ctx.model.meanings).join(', ')}`
						);
					}
				}
				out.meanings = names;
				break;
			}
			case 'highlight':
				out.highlight = list(value, 'highlight').map((w) => w.toLowerCase());
				break;
			case 'heads': {
				const names = list(value, 'heads');
				if (names.length === 0) throw new Error('"heads" must name at least one head');
				for (const n of names) {
					if (!ctx.model.heads[n]) {
						throw new Error(
							`unknown head "${n}". The toy model has: ${Object.keys(ctx.model.heads).join(', ')}`
						);
					}
				}
				out.heads = names;
				break;
			}
			case 'plane': {
				const name = String(value);
				if (!ctx.planes.includes(name)) {
					throw new Error(`unknown plane "${name}". This chapter has: ${ctx.planes.join(', ')}`);
				}
				out.plane = name;
				break;
			}
			case 'focus':
				out.focus = value === null || value === '' ? null : String(value);
				break;
		}
	}
	return out;
}

/**
 * Merge a partial state over a full one and check the words it names against the focused sentence.
 */
export function mergeState(
	base: FigureState,
	partial: Partial<FigureState>,
	ctx: StateContext
): FigureState {
	const state: FigureState = { ...base, ...partial };
	const text = ctx.sentences[state.sentence];
	if (text === undefined) {
		throw new Error(
			`"sentence" ${state.sentence} does not exist: the chapter has ${ctx.sentences.length}`
		);
	}
	const tokens = tokenize(text);
	const inSentence = (w: string, what: string) => {
		if (!tokens.includes(w)) {
			throw new Error(`${what} "${w}" is not a word of the sentence "${text}"`);
		}
	};
	if (state.query !== null) inSentence(state.query, 'query');
	if (state.focus !== null) {
		const allowed = FOCUS[state.stage];
		if (!allowed) {
			throw new Error(
				`"focus" is only for the stages ${Object.keys(FOCUS).join(', ')} (this step is "${state.stage}")`
			);
		}
		if (!allowed.includes(state.focus)) {
			throw new Error(
				`unknown focus "${state.focus}" for stage "${state.stage}". Use one of: ${allowed.join(', ')}`
			);
		}
	}
	if (state.source === null) {
		state.highlight.forEach((w) => inSentence(w, 'highlighted word'));
		return state;
	}
	// Cross-attention: the grid's columns are the source's words, so highlighted keys are too.
	const sourceText = ctx.sentences[state.source];
	const sourceTokens = tokenize(sourceText);
	if (!CROSS_STAGES.includes(state.stage)) {
		throw new Error(
			`"source" (cross-attention) is for the grid's stages ${CROSS_STAGES.join(', ')}, not "${state.stage}" (source="none" turns it off)`
		);
	}
	if (state.causal) {
		throw new Error(
			'"source" (cross-attention) needs causal="false": the source is complete before the first word is written, so none of it is masked'
		);
	}
	if (state.compare.length > 0) {
		throw new Error('"compare" and "source" cannot be used together');
	}
	if (state.source === state.sentence) {
		throw new Error(
			`"source" is the step's own sentence ${state.sentence}: that is self-attention, so leave "source" out (or set source="none")`
		);
	}
	state.highlight.forEach((w) => {
		if (!sourceTokens.includes(w)) {
			throw new Error(
				`highlighted word "${w}" is not a word of the source sentence "${sourceText}" (the keys are its words)`
			);
		}
	});
	return state;
}
