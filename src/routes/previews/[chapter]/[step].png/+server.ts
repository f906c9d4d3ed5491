// /previews/<chapter>/<step>.png: each step's 1200 × 630 share card, rendered from its figure at build time.
import { error } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { previewPng } from '$lib/server/preview';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

export const prerender = true;

export const entries: EntryGenerator = stepEntries;

export function GET({ params }) {
	const { manifest, model } = loadContent();
	const found = findStep(manifest, params.chapter, params.step);
	if (!found) error(404, 'No such step');
	const png = previewPng(manifest, model, found.chapter, found.step);
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
