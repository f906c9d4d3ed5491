// Tests for the oEmbed document: the fields oEmbed 1.0 requires for a "rich" response, and its HTML.
import { describe, expect, it } from 'vitest';
import { oembedDocument } from './oembed.ts';

const doc = oembedDocument({
	title: 'Hot dog: Softmax — The Company a Word Keeps',
	providerName: 'The Company a Word Keeps',
	providerUrl: 'https://example.org/attention/',
	embedUrl: 'https://example.org/attention/embed/hot-dog/softmax/',
	width: 560,
	height: 680,
	thumbnail: {
		url: 'https://example.org/attention/previews/hot-dog/softmax.png',
		width: 1200,
		height: 630
	}
});

describe('oembedDocument', () => {
	it('oembedDocument(...) is a rich oEmbed 1.0 response with every required field', () => {
		expect(doc).toMatchObject({
			type: 'rich',
			version: '1.0',
			title: 'Hot dog: Softmax — The Company a Word Keeps',
			provider_name: 'The Company a Word Keeps',
			provider_url: 'https://example.org/attention/',
			width: 560,
			height: 680,
			thumbnail_url: 'https://example.org/attention/previews/hot-dog/softmax.png',
			thumbnail_width: 1200,
			thumbnail_height: 630
		});
		expect(doc.cache_age).toBeGreaterThan(0);
	});

	it('oembedDocument(...).html is the iframe alone, sized like the document, with an escaped title', () => {
		expect(doc.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
		expect(doc.html).toContain('src="https://example.org/attention/embed/hot-dog/softmax/"');
		expect(doc.html).toContain('width="560" height="680"');
		expect(doc.html).toContain('title="Hot dog: Softmax — The Company a Word Keeps"');
		expect(doc.html).not.toContain('<script');
	});

	it('oembedDocument(...) round-trips through JSON unchanged', () => {
		expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
	});
});
