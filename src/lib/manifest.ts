// The shape of the essay: chapters, steps and the figure state each step declares.
//
//   content/*.md ──(build-time pipeline, $lib/server/content)──▶ Manifest
//   Manifest ──▶ page, scroller, address bar, deep links, embeds, entries(), data files, tests
//
// This module holds only types and small pure helpers, so it is safe in the browser.

/** Every stage the shared figure can show, in reading order. */
export const STAGES = [
	'embedding',
	'query-key',
	'dot-product',
	'scale',
	'softmax',
	'mask',
	'update',
	'heads',
	'parameters',
	'context-length'
] as const;

/**
 * A stage of the attention computation (or, for the closing section, a view of attention at scale).
 *
 * - `embedding`: the embedding plane with each token's context-free vector `e`.
 * - `query-key`: the focused token's `e`, its query `q` and the keys `k` of the others.
 * - `dot-product`: the grid of raw scores `q · k` (rows are queries, columns are keys).
 * - `scale`: the grid divided by √d_k.
 * - `softmax`: each row turned into weights that sum to 1.
 * - `mask`: causal masking: later keys set to −∞ before softmax, so their weights are exactly 0.
 * - `update`: the weighted sum of values Δe and the refined embedding e + Δe.
 * - `heads`: several heads each propose a Δe; the proposals are summed.
 * - `parameters`: the attention parameter count at GPT-3's sizes.
 * - `context-length`: the grid grows with the square of the context length.
 */
export type Stage = (typeof STAGES)[number];

/** The state one step puts the figure into: a step's partial state merged over its chapter's default. */
export interface FigureState {
	stage: Stage;
	/** Index into the chapter's `sentences` of the sentence whose grid and vectors are shown. */
	sentence: number;
	/** Indices of the sentences whose arrows are drawn together in the embedding plane. */
	compare: number[];
	/**
	 * Cross-attention: index of the chapter sentence that supplies the keys and values, while
	 * `sentence` supplies the queries (the grid is then `sentence`'s words by this one's). null for
	 * self-attention, where one sentence supplies all three.
	 */
	source: number | null;
	/** The focused (query) token, a word of the focused sentence, or null for none. */
	query: string | null;
	/** Causal (next-token) masking on or off. */
	causal: boolean;
	/** Whether the context's update is applied (false shows the context-free vector only). */
	attend: boolean;
	/** Whether to show the next-word readout (hot dog). */
	readout: boolean;
	/** Names of the model's meaning directions to draw in the embedding plane. */
	meanings: string[];
	/** Key tokens to highlight. */
	highlight: string[];
	/** Names of the model heads to run; the first is the one the grid shows. */
	heads: string[];
	/** Which of the chapter's planes the embedding plane uses (`default` is the chapter's `plane`). */
	plane: string;
	/** Which part of a closing-section view to emphasise (see {@link FOCUS}), or null. */
	focus: string | null;
}

/** The parts each closing-section view can emphasise, declared by a step's `focus`. */
export const FOCUS: Partial<Record<Stage, readonly string[]>> = {
	heads: ['proposals', 'factored'],
	parameters: ['head', 'model', 'value'],
	'context-length': ['grid', 'parallel']
};

/** A 2-D view of the embedding space: each axis is a direction given as feature → weight. */
export interface Plane {
	x: { label: string; direction: Record<string, number> };
	y: { label: string; direction: Record<string, number> };
}

/** One scroll step: its prose and the figure state it declares. */
export interface Step {
	/** Unique across the essay, kebab-case; a public URL. */
	id: string;
	/** Slug of the chapter the step belongs to. */
	chapter: string;
	/** The full figure state (the chapter default with the step's attributes merged over it). */
	state: FigureState;
	/** Rendered prose (HTML with MathJax SVG). */
	html: string;
	/** A one-line plain-text summary (the step's first sentence), for captions and previews. */
	summary: string;
	/** Line in the chapter file where the step starts. */
	line: number;
}

/** One chapter, from one Markdown file in content/. */
export interface Chapter {
	slug: string;
	/** 1-based order from the file name. */
	number: number;
	title: string;
	description: string;
	/** The sentences the chapter's figures use. */
	sentences: string[];
	/** The chapter's default figure state. */
	defaults: FigureState;
	/** The chapter's 2-D views of embedding space: `default`, plus any named in front matter. */
	planes: Record<string, Plane>;
	/** Prose before the first step (HTML), may be empty. */
	intro: string;
	steps: Step[];
	/** Source file, relative to the project root. */
	file: string;
}

/** The whole essay. */
export interface Manifest {
	title: string;
	description: string;
	/** The opening section's HTML. */
	opening: string;
	chapters: Chapter[];
	/** MathJax's SVG stylesheet, once per page. */
	mathCss: string;
}

/** Lightweight per-step index entry (no prose), for navigation and the scroller. */
export interface StepRef {
	id: string;
	chapter: string;
	stage: Stage;
}

/** All steps of the manifest in reading order. */
export function allSteps(manifest: Pick<Manifest, 'chapters'>): Step[] {
	return manifest.chapters.flatMap((c) => c.steps);
}

/** The plane a state draws in. */
export function planeOf(
	chapter: Pick<Chapter, 'planes'>,
	state: Pick<FigureState, 'plane'>
): Plane {
	return chapter.planes[state.plane] ?? chapter.planes.default;
}

/** Find a step by chapter slug and step id. */
export function findStep(
	manifest: Pick<Manifest, 'chapters'>,
	chapter: string,
	step: string
): { chapter: Chapter; step: Step } | undefined {
	const c = manifest.chapters.find((c) => c.slug === chapter);
	const s = c?.steps.find((s) => s.id === step);
	return c && s ? { chapter: c, step: s } : undefined;
}
