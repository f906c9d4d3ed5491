// /embed/<chapter>/<old step>/: an old embed address, forwarding so pasted iframes keep working.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { embedPath, STAGE_NAMES } from '$lib/essay';
import { checkRedirects, findRedirect } from '$lib/redirects';
import type { EntryGenerator } from './$types';

/** A forwarding page needs no JavaScript of its own. */
export const csr = false;

export const entries: EntryGenerator = () =>
	checkRedirects(loadContent().manifest).map(({ from }) => ({
		chapter: from.chapter,
		step: from.step
	}));

export function load({ params }) {
	const to = findRedirect(params.chapter, params.step);
	const found = to && findStep(loadContent().manifest, to.chapter, to.step);
	if (!found) error(404, `There is no step “${params.step}” in “${params.chapter}”.`);
	return {
		to: embedPath(found.chapter.slug, found.step.id),
		title: `${found.chapter.title}: ${STAGE_NAMES[found.step.state.stage]}`
	};
}
