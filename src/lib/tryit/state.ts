// The try-it's state and its address-bar form: defaults, caps, and a forgiving parser for shared URLs.
//
//   ?try=hot-dog&s=the+hot+dog+was&q=2&causal=1&stage=mask&dq=0,1.5,0,0
//    │           │                  │   │        │          └ Δq: offsets added to the query's components
//    │           │                  │   │        └ stage shown: dot-product, scale, softmax, mask, update
//    │           │                  │   └ causal mask: 1 on, 0 off
//    │           │                  └ focused query: 0-based token index
//    │           └ sentence (at most MAX_CHARS characters; words past MAX_TOKENS are left out)
//    └ chapter whose try-it owns the state (one try-it's state lives in the URL at a time)
//
// Anything missing, unknown or malformed falls back to the chapter's default, silently.
import { tokenize } from '../model/tokenize.ts';

/** The stages a try-it can show, in reading order. */
export const TRY_STAGES = ['dot-product', 'scale', 'softmax', 'mask', 'update'] as const;

/** A stage the try-it can show. `mask` always goes with the causal mask on. */
export type TryStage = (typeof TRY_STAGES)[number];

/** Longest sentence, in UTF-16 code units (the unit of an input's `maxlength`). */
export const MAX_CHARS = 200;
/** Most words the try-it runs; later words are left out, with a message. */
export const MAX_TOKENS = 24;
/** Query sliders run from −QUERY_RANGE to +QUERY_RANGE. */
export const QUERY_RANGE = 8;
/** Largest offset a URL may add to one query component (twice the slider's range). */
export const MAX_NUDGE = 2 * QUERY_RANGE;

/** The query-string parameter names, short because they are shared. */
export const PARAM = {
	chapter: 'try',
	sentence: 's',
	query: 'q',
	causal: 'causal',
	stage: 'stage',
	nudge: 'dq'
} as const;

/** Everything a reader can change in one try-it. */
export interface TryState {
	/** The typed sentence, at most {@link MAX_CHARS} characters, with control characters removed. */
	sentence: string;
	/** Index of the focused (query) token; clamped to the tokens there are. */
	query: number;
	/** Causal (next-token) masking. */
	causal: boolean;
	stage: TryStage;
	/** Offsets added to the focused query's components (length d_k; zeros for none). */
	nudge: number[];
}

/** What a chapter contributes to its try-it's default state. */
export interface TryChapter {
	sentences: string[];
	defaults: { sentence: number; query: string | null; causal: boolean };
}

/** Control characters and bidirectional overrides: they would break the layout, never the words. */
const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Makes any text safe to use as the sentence: control characters and bidi overrides become
 * spaces, and the text is cut to {@link MAX_CHARS} code units without splitting a surrogate pair.
 */
export function cleanSentence(text: string): string {
	let out = text.length > MAX_CHARS * 4 ? text.slice(0, MAX_CHARS * 4) : text;
	out = out.replace(CONTROL, ' ');
	if (out.length > MAX_CHARS) {
		out = out.slice(0, MAX_CHARS);
		const last = out.charCodeAt(MAX_CHARS - 1);
		if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
	}
	return out;
}

/** The words the try-it runs for a sentence (at most {@link MAX_TOKENS}), and how many were left out. */
export function tryTokens(sentence: string): { tokens: string[]; dropped: number } {
	const all = tokenize(sentence);
	return { tokens: all.slice(0, MAX_TOKENS), dropped: Math.max(0, all.length - MAX_TOKENS) };
}

/** `count` zeros: no adjustment to the query. */
export function zeroNudge(count: number): number[] {
	return Array.from({ length: Math.max(0, count) }, () => 0);
}

/** Whether an adjustment changes nothing. */
export function isZeroNudge(nudge: number[]): boolean {
	return nudge.every((x) => x === 0);
}

/** Rounds to two decimals and keeps within ±{@link MAX_NUDGE}; anything not finite becomes 0. */
function tidyNudge(x: number): number {
	if (!Number.isFinite(x)) return 0;
	const clamped = Math.max(-MAX_NUDGE, Math.min(MAX_NUDGE, x));
	const rounded = Math.round(clamped * 100) / 100;
	return rounded === 0 ? 0 : rounded;
}

/**
 * The state a chapter's try-it opens in: the chapter's focused sentence and query, its mask, and
 * the weights (or the masked weights) on show.
 * @param keySize d_k, the length of the query adjustment.
 */
export function defaultTryState(chapter: TryChapter, keySize: number): TryState {
	const sentence = cleanSentence(
		chapter.sentences[chapter.defaults.sentence] ?? chapter.sentences[0] ?? ''
	);
	const { tokens } = tryTokens(sentence);
	const query = chapter.defaults.query === null ? -1 : tokens.indexOf(chapter.defaults.query);
	return {
		sentence,
		query: query >= 0 ? query : Math.max(0, tokens.length - 1),
		causal: chapter.defaults.causal,
		stage: chapter.defaults.causal ? 'mask' : 'softmax',
		nudge: zeroNudge(keySize)
	};
}

/**
 * Makes a state consistent: the query points at a token (0 when there is none), the `mask` stage
 * has the mask on, and the adjustment has d_k tidy entries (zeros if its length is wrong).
 */
export function normaliseTryState(state: TryState, keySize: number): TryState {
	const sentence = cleanSentence(state.sentence);
	const { tokens } = tryTokens(sentence);
	const last = Math.max(0, tokens.length - 1);
	const query = Number.isInteger(state.query) ? Math.max(0, Math.min(last, state.query)) : 0;
	const stage = (TRY_STAGES as readonly string[]).includes(state.stage) ? state.stage : 'softmax';
	const nudge = state.nudge.length === keySize ? state.nudge.map(tidyNudge) : zeroNudge(keySize);
	return { sentence, query, causal: state.causal || stage === 'mask', stage, nudge };
}

/** A parameter's raw value, or null when it is missing or longer than `max` characters. */
function capped(params: URLSearchParams, name: string, max: number): string | null {
	const value = params.get(name);
	return value === null || value.length > max ? null : value;
}

/**
 * Reads a chapter's try-it state from a query string. Returns null when the URL holds no state for
 * this chapter (`try` names another chapter or is missing). Every other parameter is optional:
 * missing, malformed or out-of-range values fall back to `defaults`, and nothing ever throws.
 *
 * @example parseTryState(new URLSearchParams('try=hot-dog&s=the+cat+was&q=1'), 'hot-dog', defaults, 4)
 */
export function parseTryState(
	params: URLSearchParams,
	chapter: string,
	defaults: TryState,
	keySize: number
): TryState | null {
	if (capped(params, PARAM.chapter, 100) !== chapter) return null;

	const rawSentence = params.get(PARAM.sentence);
	const sentence = rawSentence === null ? defaults.sentence : cleanSentence(rawSentence);
	const count = tryTokens(sentence).tokens.length;

	const rawQuery = capped(params, PARAM.query, 4);
	const q = rawQuery !== null && /^\d+$/.test(rawQuery) ? Number(rawQuery) : NaN;
	const sameSentence = sentence === defaults.sentence;
	const query = q < count ? q : sameSentence ? defaults.query : Math.max(0, count - 1);

	const rawCausal = capped(params, PARAM.causal, 5);
	const causal =
		rawCausal === '1' || rawCausal === 'true'
			? true
			: rawCausal === '0' || rawCausal === 'false'
				? false
				: defaults.causal;

	const rawStage = capped(params, PARAM.stage, 16);
	const stage = (TRY_STAGES as readonly string[]).includes(rawStage ?? '')
		? (rawStage as TryStage)
		: defaults.stage;

	let nudge = defaults.nudge;
	const rawNudge = capped(params, PARAM.nudge, 16 * Math.max(1, keySize));
	if (rawNudge !== null) {
		const parts = rawNudge.split(',');
		const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?\s*$/.test(p) ? Number(p) : NaN));
		if (numbers.length === keySize && numbers.every(Number.isFinite)) nudge = numbers;
	}

	return normaliseTryState({ sentence, query, causal, stage, nudge }, keySize);
}

/** A number for the URL: at most two decimals, no trailing zeros. */
function short(x: number): string {
	return String(Math.round(x * 100) / 100);
}

/**
 * The query string that reproduces a try-it's state, in a fixed order. The adjustment is left out
 * when it is all zeros. {@link parseTryState} reads it back to the same (normalised) state.
 */
export function serialiseTryState(chapter: string, state: TryState): URLSearchParams {
	const params = new URLSearchParams();
	params.set(PARAM.chapter, chapter);
	params.set(PARAM.sentence, state.sentence);
	params.set(PARAM.query, String(state.query));
	params.set(PARAM.causal, state.causal ? '1' : '0');
	params.set(PARAM.stage, state.stage);
	if (!isZeroNudge(state.nudge)) params.set(PARAM.nudge, state.nudge.map(short).join(','));
	return params;
}

/** Whether two states are the same (after normalising, as a URL round trip would). */
export function sameTryState(a: TryState, b: TryState): boolean {
	return (
		a.sentence === b.sentence &&
		a.query === b.query &&
		a.causal === b.causal &&
		a.stage === b.stage &&
		a.nudge.length === b.nudge.length &&
		a.nudge.every((x, i) => x === b.nudge[i])
	);
}

/**
 * Where the focus goes when the sentence changes: the same occurrence of the same word if it is
 * still there (typing before it shifts it), otherwise the nearest position that exists.
 */
export function refocus(before: string[], focus: number, after: string[]): number {
	if (after.length === 0) return 0;
	const word = before[focus];
	if (word !== undefined) {
		if (after[focus] === word) return focus;
		const occurrence = before.slice(0, focus).filter((w) => w === word).length;
		let seen = 0;
		for (let i = 0; i < after.length; i++) {
			if (after[i] !== word) continue;
			if (seen === occurrence) return i;
			seen++;
		}
	}
	return Math.max(0, Math.min(after.length - 1, focus));
}
