// Words for what the figure shows, from the same data: its hidden description, titles and live text.
import { nearest } from '../engine/index.ts';
import type { FigureState, Plane } from '../manifest.ts';
import { keyTokens, type SentenceData, type StepData } from '../model/step-data.ts';
import { formatFeatures, formatNumber, formatPercent, formatScore } from './format.ts';

/** What a description can use besides the data and state (the figure's other props). */
export interface DescribeOptions {
	/** Feature names, to say what a vector points toward ("+1.50 food"); omitted without them. */
	features?: string[];
	/** The chapter's plane, to name its axes. */
	plane?: Plane;
	/** Meaning name → words for people ("the chemist’s unit"). */
	meaningLabels?: Record<string, string>;
}

interface DescribeInput extends DescribeOptions {
	state: FigureState;
	data: StepData;
}

/** The sentence whose grid and vectors the figure shows. */
export function focusedSentence(state: FigureState, data: StepData): SentenceData | undefined {
	return data.sentences.find((s) => s.index === state.sentence) ?? data.sentences[0];
}

/** The sentences whose arrows the plane draws: the compare set, or the focused sentence alone. */
export function comparedSentences(state: FigureState, data: StepData): SentenceData[] {
	const compared = data.sentences.filter((s) => state.compare.includes(s.index));
	if (compared.length > 0) return compared;
	const focused = focusedSentence(state, data);
	return focused ? [focused] : [];
}

const quote = (word: string) => `“${word}”`;

/** A list in prose: "a, b and c". */
function and(items: string[]): string {
	if (items.length < 2) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Keys of one row, strongest first, with their weights. */
export function rankedKeys(
	sentence: SentenceData,
	row: number
): { token: string; index: number; weight: number }[] {
	const keys = keyTokens(sentence);
	return (sentence.weights[row] ?? [])
		.map((weight, index) => ({ token: keys[index], index, weight }))
		.sort((a, b) => b.weight - a.weight || a.index - b.index);
}

/**
 * Keys of one row by what they add to Δe: the length of each weighted value w·v, largest first
 * (ties by weight, then order). A key with a large weight but a value of nothing ("a", at the
 * origin) adds nothing, so it does not come first.
 */
export function strongestValues(
	sentence: SentenceData,
	row: number
): { token: string; index: number; weight: number; size: number }[] {
	const keys = keyTokens(sentence);
	return (sentence.weights[row] ?? [])
		.map((weight, index) => ({
			token: keys[index],
			index,
			weight,
			size: weight * Math.hypot(...(sentence.values[index] ?? []))
		}))
		.sort((a, b) => b.size - a.size || b.weight - a.weight || a.index - b.index);
}

/** The nearest named meaning to a vector, by cosine similarity, or undefined without meanings. */
export function nearestMeaning(
	vector: number[],
	meanings: Record<string, number[]> | undefined
): { name: string; similarity: number } | undefined {
	if (!meanings || Object.keys(meanings).length === 0) return undefined;
	if (vector.every((x) => x === 0)) return undefined;
	return nearest(vector, meanings)[0];
}

function meaningName(name: string, labels: Record<string, string> | undefined): string {
	return labels?.[name] ?? name;
}

/** The figure's short title (also the SVG's <title>). */
export function figureTitle(state: FigureState, data: StepData): string {
	const sentence = focusedSentence(state, data);
	const text = sentence ? quote(sentence.text) : 'the sentence';
	const q = state.query ? quote(state.query) : null;
	const source = sentence?.source ? quote(sentence.source.text) : null;
	if (
		source &&
		(state.stage === 'dot-product' || state.stage === 'scale' || state.stage === 'softmax')
	) {
		const what =
			state.stage === 'softmax'
				? 'Cross-attention weights'
				: state.stage === 'scale'
					? 'Scaled cross-attention scores'
					: 'Cross-attention scores';
		return `${what}: queries from ${text}, keys from ${source}`;
	}
	switch (state.stage) {
		case 'embedding':
			return q ? `The embedding of ${q} in ${text}` : `Embeddings of ${text}`;
		case 'query-key':
			return q ? `The query of ${q} and the keys of ${text}` : `Queries and keys of ${text}`;
		case 'dot-product':
			return `Dot-product scores for ${text}`;
		case 'scale':
			return `Scaled scores for ${text}`;
		case 'softmax':
			return `Attention weights for ${text}`;
		case 'mask':
			return `Causally masked attention weights for ${text}`;
		case 'update':
			return q ? `The update of ${q}: e + Δe` : `The updated embeddings of ${text}`;
		case 'heads':
			return `Several heads, each proposing a change`;
		case 'parameters':
			return `How many parameters attention has at GPT-3's size`;
		case 'context-length':
			return `The grid grows with the square of the context length`;
	}
}

function describeRow(sentence: SentenceData, row: number): string {
	const ranked = rankedKeys(sentence, row).filter((k) => k.weight > 0);
	const top = ranked.slice(0, 3).map((k) => `${quote(k.token)} (${formatPercent(k.weight)})`);
	const token = quote(sentence.tokens[row]);
	if (top.length === 0) return `${token} attends to nothing.`;
	return `${token} attends most to ${top[0]}${top.length > 1 ? `, then ${and(top.slice(1))}` : ''}.`;
}

function describeGrid(state: FigureState, data: StepData, sentence: SentenceData): string[] {
	const n = sentence.tokens.length;
	const keys = keyTokens(sentence);
	const row = state.query ? sentence.tokens.indexOf(state.query) : -1;
	const article = /^(8|11|18)/.test(String(n)) ? 'An' : 'A';
	const out: string[] = [
		sentence.source
			? `${article} ${n} by ${keys.length} grid of cross-attention: one row per query, from the words being written, ${and(sentence.tokens.map(quote))}; one column per key, from the source sentence, ${and(keys.map(quote))}. There is no mask: every query may look at the whole source.`
			: `${article} ${n} by ${n} grid: one row per query, one column per key, both labelled ${and(sentence.tokens.map(quote))}.`
	];
	const masked = sentence.masked.flat().filter((x) => data.causal && x === -Infinity).length;
	const matrix =
		state.stage === 'dot-product'
			? sentence.scores
			: state.stage === 'scale'
				? sentence.scaled
				: sentence.weights;
	if (state.stage === 'dot-product' || state.stage === 'scale') {
		const dk = sentence.keys[0]?.length ?? 0;
		out.push(
			state.stage === 'dot-product'
				? 'Each cell is the dot product of a query with a key, any real number.'
				: `Each score is divided by √${dk}, the square root of the key size; order within a row is unchanged.`
		);
		if (row >= 0) {
			const cells = matrix[row].map((x, j) => `${quote(keys[j])} ${formatScore(x, 5)}`);
			out.push(`Row ${quote(sentence.tokens[row])}: ${cells.join(', ')}.`);
			const best = matrix[row].indexOf(Math.max(...matrix[row]));
			out.push(`Its highest score is with the key ${quote(keys[best])}.`);
		}
	} else {
		out.push(
			'Each cell is a weight, shown as a percentage; every row sums to 100%, as the Σ column shows.'
		);
		if (masked > 0) {
			out.push(
				`The causal mask hides the ${masked} cells above the diagonal: their scores become −∞ before softmax, so their weights are exactly 0.`
			);
		}
		if (row >= 0) out.push(describeRow(sentence, row));
	}
	if (row < 0 && n > 0) {
		// No row in focus: name the strongest cells of the whole grid.
		const cells = matrix
			.flatMap((r, i) => r.map((x, j) => ({ i, j, x })))
			.filter((c) => Number.isFinite(c.x))
			.sort((a, b) => b.x - a.x || a.i - b.i || a.j - b.j)
			.slice(0, 3)
			.map(
				(c) =>
					`${quote(sentence.tokens[c.i])} to ${quote(keys[c.j])} (${
						state.stage === 'dot-product' || state.stage === 'scale'
							? formatScore(c.x, 5)
							: formatPercent(c.x)
					})`
			);
		out.push(`The strongest cells: ${and(cells)}.`);
	}
	return out;
}

function describePlane(input: DescribeInput, sentences: SentenceData[]): string[] {
	const { state, data, plane, meaningLabels } = input;
	const out: string[] = [];
	if (plane)
		out.push(`A plane of embedding space: across, ${plane.x.label}; up, ${plane.y.label}.`);
	const meanings = data.meanings ?? {};
	const names = Object.keys(meanings);
	if (names.length > 0) {
		out.push(
			`Dashed rays mark the meanings ${and(names.map((m) => quote(meaningName(m, meaningLabels))))}.`
		);
	}
	const updating = state.stage === 'update' && state.attend;
	const said = new Set<string>();
	for (const sentence of sentences) {
		if (state.query === null && !updating) {
			const list = sentence.tokens.map((t, i) =>
				input.features
					? `${quote(t)} (${formatFeatures(sentence.embeddings[i], input.features, { count: 2 })})`
					: quote(t)
			);
			out.push(`Each token’s context-free vector e is drawn: ${list.join(', ')}.`);
			continue;
		}
		// With no query, the tokens the head moves most (as the figure draws them).
		const rows = state.query
			? [sentence.tokens.indexOf(state.query)].filter((i) => i >= 0)
			: sentence.tokens
					.map((_, i) => i)
					.filter((i) => Math.hypot(...sentence.deltas[i]) > 0.05)
					.sort((a, b) => Math.hypot(...sentence.deltas[b]) - Math.hypot(...sentence.deltas[a]))
					.slice(0, 5);
		for (const i of rows) {
			const token = quote(sentence.tokens[i]);
			if (!updating && sentences.length > 1) {
				const key = `${sentence.tokens[i]}:${sentence.embeddings[i].join(',')}`;
				if (said.has(key)) continue;
				said.add(key);
				const times = sentences.filter((s) =>
					s.tokens.some((t, j) => `${t}:${s.embeddings[j].join(',')}` === key)
				).length;
				if (times > 1) {
					const before = nearestMeaning(sentence.embeddings[i], meanings);
					const what = input.features
						? `: ${formatFeatures(sentence.embeddings[i], input.features, { count: 3 })}`
						: '';
					const near = before
						? `, nearest to ${quote(meaningName(before.name, meaningLabels))}`
						: '';
					out.push(
						`The context-free vector e of ${token} is the same in all ${times} phrases${what}${near}.`
					);
					continue;
				}
			}
			const where = sentences.length > 1 ? ` in ${quote(sentence.text)}` : '';
			const e = sentence.embeddings[i];
			const before = nearestMeaning(e, meanings);
			if (!updating) {
				const what = input.features ? ` is ${formatFeatures(e, input.features, { count: 3 })}` : '';
				const near = before ? `, nearest to ${quote(meaningName(before.name, meaningLabels))}` : '';
				out.push(`The context-free vector e of ${token}${where}${what}${near}.`);
				continue;
			}
			const delta = sentence.deltas[i];
			const after = nearestMeaning(sentence.updated[i], meanings);
			// The keys whose values add most; by weight when no value adds anything (all at zero).
			const adding = strongestValues(sentence, i).filter((k) => k.size > 0);
			const ranked = (adding.length > 0 ? adding : rankedKeys(sentence, i)).slice(0, 2);
			const from = ranked.map((k) => `${quote(k.token)} (${formatPercent(k.weight)})`);
			const adds = input.features ? `: ${formatFeatures(delta, input.features, { count: 3 })}` : '';
			const heads = sentence.heads.length;
			out.push(
				heads > 1
					? `For ${token}${where}, the first head draws mostly on ${and(from)}; summed over ${heads} heads, Δe is${adds.replace(/^:/, '')}.`
					: `For ${token}${where}, Δe is the weighted sum of the values, mostly from ${and(from)}${adds}.`
			);
			if (after) {
				out.push(
					`e + Δe lands nearest to ${quote(meaningName(after.name, meaningLabels))} (cosine ${formatNumber(after.similarity, 2)})${
						before && before.name !== after.name
							? `, where e alone was nearest to ${quote(meaningName(before.name, meaningLabels))}`
							: ''
					}.`
				);
			}
		}
	}
	if (state.readout && data.prediction) {
		const p = data.prediction;
		const guess = state.attend ? p.withUpdate : p.withoutUpdate;
		const ranked = Object.entries(guess.scores).sort((a, b) => b[1] - a[1]);
		out.push(
			`Next-word readout from ${quote(p.token)}${state.attend ? '' : ', without attention'}: ${ranked
				.map(([w, s]) => `${quote(w)} ${formatNumber(s, 2)}`)
				.join(', ')}. The guess is ${quote(guess.word)} (${guess.label}).`
		);
		if (state.attend && p.withUpdate.word !== p.withoutUpdate.word) {
			out.push(`Without attention it would be ${quote(p.withoutUpdate.word)}.`);
		}
	}
	return out;
}

function describeVectors(input: DescribeInput, sentence: SentenceData): string[] {
	const { state } = input;
	const i = state.query ? sentence.tokens.indexOf(state.query) : -1;
	const dk = sentence.queries[0]?.length ?? 0;
	const d = sentence.embeddings[0]?.length ?? 0;
	const out = [`Embeddings have ${d} numbers; queries and keys have ${dk}, a smaller space.`];
	if (i >= 0) {
		const q = sentence.queries[i].map((x) => formatNumber(x, 2)).join(', ');
		out.push(`The query of ${quote(sentence.tokens[i])} is (${q}).`);
	}
	const keys = sentence.tokens
		.map((t, j) => ({ t, j }))
		.filter(({ j }) => j !== i)
		.map(
			({ t, j }) => `${quote(t)} (${sentence.keys[j].map((x) => formatNumber(x, 2)).join(', ')})`
		);
	if (keys.length) out.push(`Keys: ${keys.join('; ')}.`);
	if (state.highlight.length) out.push(`Highlighted: ${and(state.highlight.map(quote))}.`);
	return out;
}

/**
 * A plain-text description of what the figure shows for this step, for screen readers, previews
 * and live regions: which token asks, which keys it attends to most and with what weight, and
 * where e + Δe lands relative to the meanings.
 *
 * @example describeFigure(data, step.state, { features: model.features, plane: chapter.plane, meaningLabels })
 */
export function describeFigure(
	data: StepData,
	state: FigureState,
	options: DescribeOptions = {}
): string {
	const input: DescribeInput = { ...options, state, data };
	const sentence = focusedSentence(state, data);
	if (!sentence) return `${figureTitle(state, data)}.`;
	let parts: string[];
	switch (state.stage) {
		case 'embedding':
		case 'update':
			parts = describePlane(input, comparedSentences(state, data));
			break;
		case 'query-key':
			parts = describeVectors(input, sentence);
			break;
		case 'dot-product':
		case 'scale':
		case 'softmax':
		case 'mask':
			parts = describeGrid(state, data, sentence);
			break;
		default:
			parts = [];
	}
	return [`${figureTitle(state, data)}.`, ...parts].join(' ');
}
