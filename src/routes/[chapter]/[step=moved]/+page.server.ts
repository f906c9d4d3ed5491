// /<chapter>/<old step>/: an old step address, forwarding to where the step lives now (see $lib/redirects).
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { stepPath, STAGE_NAMES } from '$lib/essay';
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
		to: stepPath(found.chapter.slug, found.step.id),
		title: `${found.chapter.title}: ${STAGE_NAMES[found.step.state.stage]}`
	};
}
