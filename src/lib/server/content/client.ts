// Strips prose from the manifest so pages ship only the structure and model the browser needs.
import type { EssayData } from '$lib/essay';
import { loadContent } from './index.ts';

/** The essay's structure and toy model, without prose HTML. */
export function essayData(): EssayData {
	const { manifest, model } = loadContent();
	return {
		title: manifest.title,
		description: manifest.description,
		model,
		chapters: manifest.chapters.map(({ intro: _intro, steps, ...chapter }) => ({
			...chapter,
			steps: steps.map(({ html: _html, ...step }) => step)
		}))
	};
}
