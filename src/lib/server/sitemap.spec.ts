// Tests for the sitemap and robots.txt: every step's canonical address once, nothing unindexable.
import { describe, expect, it } from 'vitest';
import { allSteps } from '$lib/manifest';
import { loadContent } from './content/index.ts';
import { robotsTxt, sitemapUrls, sitemapXml } from './sitemap.ts';

const url = (path: string) => `https://example.org/attention${path}`;

describe('sitemapUrls', () => {
	const { manifest } = loadContent();
	const urls = sitemapUrls(manifest, url);

	it('lists the essay’s address, then every step’s deep link in reading order', () => {
		const steps = manifest.chapters.flatMap((c) => c.steps.map((s) => `${c.slug}/${s.id}`));
		expect(steps.length).toBe(allSteps(manifest).length);
		expect(urls).toEqual([url('/'), ...steps.map((s) => url(`/${s}/`))]);
	});

	it('leaves out embeds, files and the chapters’ forwarding addresses', () => {
		const chapters = manifest.chapters.map((c) => url(`/${c.slug}/`));
		for (const u of urls) {
			expect(u).not.toMatch(/\/(embed|data|figures|previews|oembed)\//);
			expect(u).not.toMatch(/\.(png|svg|json)$/);
			expect(chapters).not.toContain(u);
		}
	});
});

describe('sitemapXml', () => {
	it('is a sitemaps.org urlset with one <loc> per address', () => {
		const xml = sitemapXml([url('/'), url('/hot-dog/softmax/')]);
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
		expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
		expect([...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])).toEqual([
			'https://example.org/attention/',
			'https://example.org/attention/hot-dog/softmax/'
		]);
	});

	it('escapes what XML reserves and lists a repeated address once', () => {
		const xml = sitemapXml(['https://a.example/?x=1&y=<2>', 'https://a.example/?x=1&y=<2>']);
		expect(xml.match(/<loc>/g)).toHaveLength(1);
		expect(xml).toContain('<loc>https://a.example/?x=1&amp;y=&lt;2&gt;</loc>');
	});
});

describe('robotsTxt', () => {
	it('lets every crawler in and names the sitemap', () => {
		const text = robotsTxt(url('/sitemap.xml'));
		expect(text.split('\n')).toEqual([
			'User-agent: *',
			'Allow: /',
			'',
			'Sitemap: https://example.org/attention/sitemap.xml',
			''
		]);
	});
});
