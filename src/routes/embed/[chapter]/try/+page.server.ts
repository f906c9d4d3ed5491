// /embed/<chapter>/try/: the chapter's try-it alone, for iframes; the reader's state is in the query string.
//
// A sibling of the step embeds (/embed/<chapter>/<step>/): the static segment `try` wins over the
// step parameter, so no step may be called `try`. Unlike a step embed this page runs Svelte in the
// browser: the try-it is interactive (its static copy is prerendered for readers without JavaScript).
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () =>
	loadContent().manifest.chapters.map((c) => ({ chapter: c.slug }));

export function load({ params }) {
	const chapter = loadContent().manifest.chapters.find((c) => c.slug === params.chapter);
	if (!chapter) error(404, `There is no chapter “${params.chapter}”.`);
	return { chapter: chapter.slug };
}
