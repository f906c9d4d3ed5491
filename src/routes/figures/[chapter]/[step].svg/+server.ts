// /figures/<chapter>/<step>.svg: a step's figure as a standalone SVG (no-JS fallback, download).
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { figureSvg } from '$lib/server/figure-svg';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

export const prerender = true;

export const entries: EntryGenerator = stepEntries;

export function GET({ params }) {
	const { manifest, model } = loadContent();
	const found = findStep(manifest, params.chapter, params.step);
	if (!found) error(404, 'No such step');
	return new Response(figureSvg(model, found.chapter, found.step), {
		headers: { 'Content-Type': 'image/svg+xml' }
	});
}
