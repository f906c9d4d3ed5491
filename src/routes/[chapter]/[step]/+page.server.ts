// A deep link to one step: the essay opened at that step, one prerendered page per step id.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';
import { essayClientUrls } from '$lib/server/essay-client';

// Static HTML and the essay's own script, not SvelteKit's client (essay-client/controller.ts).
export const csr = false;

export const entries: EntryGenerator = stepEntries;

export function load({ params }) {
	const found = findStep(loadContent().manifest, params.chapter, params.step);
	if (!found) error(404, `There is no step “${params.step}” in “${params.chapter}”.`);
	return { chapter: found.chapter.slug, step: found.step.id, scripts: essayClientUrls() };
}
