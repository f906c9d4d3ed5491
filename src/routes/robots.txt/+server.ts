// /robots.txt: crawl everything, and where the sitemap is (see $lib/server/sitemap), prerendered.
import { base } from '$app/paths';
import { robotsTxt } from '$lib/server/sitemap';
import { absoluteUrl } from '$lib/site';

export const prerender = true;

export function GET() {
	return new Response(robotsTxt(absoluteUrl(base, '/sitemap.xml')), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
