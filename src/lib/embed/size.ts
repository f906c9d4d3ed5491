// How big an embed is: which query words it offers, and the iframe height that fits its content.
import { stepTitle } from '../essay.ts';
import type { FigureState } from '../manifest.ts';
import { tokenize } from '../model/tokenize.ts';
import { EMBED_SIZE } from './paths.ts';

/** Stages whose figure focuses one query word, which an embed's reader may change. */
const FOCUSING: ReadonlySet<string> = new Set([
	'query-key',
	'dot-product',
	'scale',
	'softmax',
	'mask',
	'update'
]);

/**
 * The words an embed offers as query buttons: every distinct word of the focused sentence, when
 * the step focuses one word of one sentence (and shows no next-word readout); otherwise none.
 */
export function queryWords(
	state: Pick<FigureState, 'stage' | 'query' | 'readout' | 'compare' | 'sentence'>,
	sentences: string[]
): string[] {
	if (!FOCUSING.has(state.stage) || state.query === null || state.readout) return [];
	if (state.compare.length > 1) return [];
	const text = sentences[state.sentence];
	const words = text === undefined ? [] : [...new Set(tokenize(text))];
	return words.length > 1 ? words : [];
}

/** The embed's one-line caption: "Hot dog, step 6 of 9: Softmax. Softmax turns each row…". */
export function embedCaption(name: string, summary: string): string {
	return `${name}. ${summary}`;
}

/**
 * The height (CSS px, rounded up to 10) the embed page needs at `width`, from the layout in
 * routes/embed: padding, the square figure (at most 544 px), the rows of word buttons, the caption
 * at about 7.8 px a character in 21 px lines, and the 44 px link. An estimate: auto-height corrects it.
 */
export function embedHeight(caption: string, words: string[], width: number): number {
	const inner = width - 24;
	let height = 12 + Math.min(inner, 544) + 8;
	if (words.length > 1) {
		let rows = 1;
		let x = 60;
		for (const word of words) {
			const button = Math.max(44, 22 + 8.6 * word.length) + 4;
			if (x + button > inner) {
				rows++;
				x = button;
			} else x += button;
		}
		height += 8 + rows * 48 - 4;
	}
	height += 13 + Math.ceil((caption.length * 7.8) / inner) * 21;
	height += 44;
	return Math.ceil(height / 10) * 10;
}

/** The suggested iframe size for one step's embed. */
export function embedSize(
	chapter: Parameters<typeof stepTitle>[0] & { sentences: string[] },
	step: { id: string; state: FigureState; summary: string }
): { width: number; height: number } {
	const caption = embedCaption(stepTitle(chapter, step.id), step.summary);
	const words = queryWords(step.state, chapter.sentences);
	return { width: EMBED_SIZE.width, height: embedHeight(caption, words, EMBED_SIZE.width) };
}
