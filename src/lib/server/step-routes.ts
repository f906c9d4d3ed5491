// Shared pieces of the per-step routes: the params to prerender, forwarding of renamed steps, and
// a chapter's own address forwarding to its first step.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { allSteps, findStep } from '$lib/manifest';
import { stateName, stepPath } from '$lib/essay';
import { checkRedirects, findRedirect } from '$lib/redirects';

/** `{ chapter, step }` for every step in the manifest, for a per-step route's `entries()`. */
export function stepEntries(): { chapter: string; step: string }[] {
	return allSteps(loadContent().manifest).map((s) => ({ chapter: s.chapter, step: s.id }));
}

/** `{ chapter, step }` for every old step address in the redirect map. */
export function movedEntries(): { chapter: string; step: string }[] {
	return checkRedirects(loadContent().manifest).map(({ from }) => ({
		chapter: from.chapter,
		step: from.step
	}));
}

/**
 * Where an old step address forwards to, and the step's title; 404 when it is not in the map.
 * @param path builds the new address from chapter and step (stepPath or embedPath)
 */
export function movedTarget(
	params: { chapter: string; step: string },
	path: (chapter: string, step: string) => string
): { to: string; title: string } {
	const to = findRedirect(params.chapter, params.step);
	const found = to && findStep(loadContent().manifest, to.chapter, to.step);
	if (!found) error(404, `There is no step “${params.step}” in “${params.chapter}”.`);
	return {
		to: path(found.chapter.slug, found.step.id),
		title: `${found.chapter.title}: ${stateName(found.step.state)}`
	};
}

/** `{ chapter }` for every chapter, for the chapter route's `entries()`. */
export function chapterEntries(): { chapter: string }[] {
	return loadContent().manifest.chapters.map((c) => ({ chapter: c.slug }));
}

/**
 * Where a chapter's own address (`/hot-dog/`) goes: its first step, where the essay opens with the
 * chapter's heading just above and the figure in that step's state; 404 for an unknown chapter.
 */
export function chapterTarget(params: { chapter: string }): { to: string; title: string } {
	const chapter = loadContent().manifest.chapters.find((c) => c.slug === params.chapter);
	if (!chapter || chapter.steps.length === 0) {
		error(404, `There is no chapter “${params.chapter}”.`);
	}
	return { to: stepPath(chapter.slug, chapter.steps[0].id), title: chapter.title };
}
