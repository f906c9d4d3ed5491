// /previews/<chapter>/<step>.svg: a step's figure as a self-contained light SVG, for slides and papers.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { flatFigureSvg } from '$lib/server/preview';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

export const prerender = true;

export const entries: EntryGenerator = stepEntries;

export function GET({ params }) {
	const { model, manifest } = loadContent();
	const found = findStep(manifest, params.chapter, params.step);
	if (!found) error(404, 'No such step');
	return new Response(flatFigureSvg(model, found.chapter, found.step), {
		headers: { 'Content-Type': 'image/svg+xml' }
	});
}
