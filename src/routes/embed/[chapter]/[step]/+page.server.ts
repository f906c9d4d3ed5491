// /embed/<chapter>/<step>/: one step's figure alone, for iframes on other sites; one page per step.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

/**
 * No SvelteKit or Svelte in the browser: the figure is prerendered, and the page's one small inline
 * script (see $lib/embed/frame) does the rest. This keeps an embed within its byte budget.
 */
export const csr = false;

export const entries: EntryGenerator = stepEntries;

export function load({ params }) {
	const found = findStep(loadContent().manifest, params.chapter, params.step);
	if (!found) error(404, `There is no step “${params.step}” in “${params.chapter}”.`);
	return { chapter: found.chapter.slug, step: found.step.id };
}
