// /oembed/<chapter>/<step>.json: the oEmbed document for one step, prerendered as a static file.
import { error, json } from '@sveltejs/kit';
import { base } from '$app/paths';
import { loadContent } from '$lib/server/content';
import { findStep } from '$lib/manifest';
import { stepTitle } from '$lib/essay';
import { oembedDocument } from '$lib/embed/oembed';
import { PREVIEW_SIZE, shareUrls } from '$lib/embed/paths';
import { embedSize } from '$lib/embed/size';
import { ORIGIN } from '$lib/site';
import type { EntryGenerator } from './$types';
import { stepEntries } from '$lib/server/step-routes';

export const prerender = true;

export const entries: EntryGenerator = stepEntries;

export function GET({ params }) {
	const { manifest } = loadContent();
	const found = findStep(manifest, params.chapter, params.step);
	if (!found) error(404, 'No such step');
	const { chapter, step } = found;
	const urls = shareUrls(ORIGIN, base, chapter.slug, step.id);
	return json(
		oembedDocument({
			title: `${stepTitle(chapter, step.id)} — ${manifest.title}`,
			providerName: manifest.title,
			providerUrl: urls.home,
			embedUrl: urls.embed,
			...embedSize(chapter, step),
			thumbnail: { url: urls.preview, ...PREVIEW_SIZE }
		})
	);
}
