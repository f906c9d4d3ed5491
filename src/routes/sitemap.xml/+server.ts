// /sitemap.xml: the essay's indexable addresses (see $lib/server/sitemap), prerendered.
import { base } from '$app/paths';
import { loadContent } from '$lib/server/content';
import { sitemapUrls, sitemapXml } from '$lib/server/sitemap';
import { absoluteUrl } from '$lib/site';

export const prerender = true;

export function GET() {
	const { manifest } = loadContent();
	const body = sitemapXml(sitemapUrls(manifest, (path) => absoluteUrl(base, path)));
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
}
