// /data/<chapter>/<step>.json: the numbers behind one step's figure, prerendered as a static file.
import { error, json } from '@sveltejs/kit';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { stepJson } from '$lib/server/step-json';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

export const prerender = true;

export const entries: EntryGenerator = stepEntries;

export function GET({ params }) {
	const { manifest, model } = loadContent();
	const found = findStep(manifest, params.chapter, params.step);
	if (!found) error(404, 'No such step');
	return json(stepJson(model, found.chapter, found.step));
}
