// Tests for the share URLs: absolute, under the base path, from the configured origin.
import { describe, expect, it } from 'vitest';
import { downloadSvgPath, oembedPath, shareUrls } from './paths.ts';

describe('shareUrls', () => {
	it('shareUrls("https://example.org", "/attention", "hot-dog", "softmax") puts every URL under the base', () => {
		expect(shareUrls('https://example.org', '/attention', 'hot-dog', 'softmax')).toEqual({
			page: 'https://example.org/attention/hot-dog/softmax/',
			embed: 'https://example.org/attention/embed/hot-dog/softmax/',
			oembed: 'https://example.org/attention/oembed/hot-dog/softmax.json',
			preview: 'https://example.org/attention/previews/hot-dog/softmax.png',
			svg: 'https://example.org/attention/previews/hot-dog/softmax.svg',
			figure: 'https://example.org/attention/figures/hot-dog/softmax.svg',
			data: 'https://example.org/attention/data/hot-dog/softmax.json',
			script: 'https://example.org/attention/embed.js',
			home: 'https://example.org/attention/'
		});
	});

	it('shareUrls(origin, "", …) serves from the root when there is no base path', () => {
		const urls = shareUrls('http://localhost:4173', '', 'mole', 'three-arrows');
		expect(urls.page).toBe('http://localhost:4173/mole/three-arrows/');
		expect(urls.home).toBe('http://localhost:4173/');
		for (const url of Object.values(urls)) expect(url).toMatch(/^http:\/\/localhost:4173\/(?!\/)/);
	});
});

describe('paths', () => {
	it('oembedPath and downloadSvgPath are per-step files', () => {
		expect(oembedPath('hot-dog', 'softmax')).toBe('/oembed/hot-dog/softmax.json');
		expect(downloadSvgPath('hot-dog', 'softmax')).toBe('/previews/hot-dog/softmax.svg');
	});
});
