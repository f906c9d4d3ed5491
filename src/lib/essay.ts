// The essay as the browser sees it: the manifest without prose HTML, plus URL helpers for steps.
import type { Chapter, Step } from './manifest.ts';
import type { ToyModel } from './model/types.ts';

/** A step without its prose (the prose lives only in the prerendered HTML). */
export type StepInfo = Omit<Step, 'html'>;

/** A chapter without its prose. */
export type ChapterInfo = Omit<Chapter, 'intro' | 'steps'> & { steps: StepInfo[] };

/** What every page receives: the essay's structure and the toy model the engine runs. */
export interface EssayData {
	title: string;
	description: string;
	chapters: ChapterInfo[];
	model: ToyModel;
}

/** A step together with its chapter. */
export interface Located {
	chapter: ChapterInfo;
	step: StepInfo;
}

/** Find a step by id anywhere in the essay. */
export function locate(essay: Pick<EssayData, 'chapters'>, stepId: string): Located | undefined {
	for (const chapter of essay.chapters) {
		const step = chapter.steps.find((s) => s.id === stepId);
		if (step) return { chapter, step };
	}
	return undefined;
}

/** Every step id, in reading order. */
export function stepOrder(essay: Pick<EssayData, 'chapters'>): string[] {
	return essay.chapters.flatMap((c) => c.steps.map((s) => s.id));
}

/** Path of a step's deep link, relative to the site's base path: `/hot-dog/softmax/`. */
export function stepPath(chapter: string, step: string): string {
	return `/${chapter}/${step}/`;
}

/** Path of a step's embed: `/embed/hot-dog/softmax/`. */
export function embedPath(chapter: string, step: string): string {
	return `/embed/${chapter}/${step}/`;
}

/** Path of a step's published numbers: `/data/hot-dog/softmax.json`. */
export function dataPath(chapter: string, step: string): string {
	return `/data/${chapter}/${step}.json`;
}

/** Path of a step's standalone figure: `/figures/hot-dog/softmax.svg`. */
export function figurePath(chapter: string, step: string): string {
	return `/figures/${chapter}/${step}.svg`;
}

/** Path of a step's 1200×630 preview image: `/previews/hot-dog/softmax.png`. */
export function previewPath(chapter: string, step: string): string {
	return `/previews/${chapter}/${step}.png`;
}

/** Human name of a stage, for titles and captions. */
export const STAGE_NAMES: Record<string, string> = {
	embedding: 'Embedding',
	'query-key': 'Query and key',
	'dot-product': 'Dot product',
	scale: 'Scaling by √dₖ',
	softmax: 'Softmax',
	mask: 'Causal masking',
	update: 'Value update',
	heads: 'Multi-head attention',
	parameters: 'Parameter count',
	'context-length': 'Context length'
};

/**
 * What a step's figure shows, for titles and captions: its stage's name, or "Cross-attention" when
 * the keys come from another sentence.
 */
export function stateName(state: { stage: string; source?: number | null }): string {
	if (state.source !== null && state.source !== undefined) return 'Cross-attention';
	return STAGE_NAMES[state.stage] ?? state.stage;
}

/**
 * A step's short, unique title: "Hot dog, step 6 of 9: Softmax". Used for page titles, embed
 * captions, previews and oEmbed.
 */
export function stepTitle(chapter: Pick<ChapterInfo, 'title' | 'steps'>, stepId: string): string {
	const index = chapter.steps.findIndex((s) => s.id === stepId);
	const step = chapter.steps[index];
	if (!step) return chapter.title;
	return `${chapter.title}, step ${index + 1} of ${chapter.steps.length}: ${stateName(step.state)}`;
}
