// The sitemap and robots.txt: what a search engine should index. The essay's pages only, each at its
// canonical address: `/` and every step's deep link. Embeds, the chapter forwards and moved steps are
// marked noindex and left out; so are files (previews, data, figures).

import { stepPath } from '$lib/essay';
import type { Manifest } from '$lib/manifest';

/** The addresses to index, absolute (`url(path)` makes one from a path under the base). */
export function sitemapUrls(
	manifest: Pick<Manifest, 'chapters'>,
	url: (path: string) => string
): string[] {
	return [
		url('/'),
		...manifest.chapters.flatMap((c) => c.steps.map((s) => url(stepPath(c.slug, s.id))))
	];
}

/** Text for an XML text node: `&`, `<` and `>` escaped (a quote needs none outside attributes). */
function xmlText(text: string): string {
	return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A sitemap (sitemaps.org 0.9) listing `urls`, each once, in the order given. */
export function sitemapXml(urls: string[]): string {
	const unique = [...new Set(urls)];
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...unique.map((u) => `\t<url><loc>${xmlText(u)}</loc></url>`),
		'</urlset>',
		''
	].join('\n');
}

/**
 * robots.txt: everything may be crawled (the pages that should not be indexed say so themselves),
 * and the sitemap is at `sitemap`. A crawler reads robots.txt only at a host's root: under a base
 * path, the host's own robots.txt must point to the sitemap (README, Deploy).
 */
export function robotsTxt(sitemap: string): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`;
}
