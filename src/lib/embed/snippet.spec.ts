// Tests for the copy-paste snippets: attribute escaping, sizes, and the optional resize script.
import { describe, expect, it } from 'vitest';
import { escapeHtml, iframeSnippet, imageSnippet } from './snippet.ts';

describe('escapeHtml', () => {
	it('escapeHtml(`<a href="x">Tom & Jerry’s</a>`) escapes markup and both quotes', () => {
		expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;'
		);
	});

	it('escapeHtml leaves plain text and typographic quotes alone', () => {
		expect(escapeHtml('Hot dog: Scaling by √d_k — “soft”')).toBe(
			'Hot dog: Scaling by √d_k — “soft”'
		);
	});

	it('escapeHtml("&amp;") escapes an existing entity again (no double-decoding)', () => {
		expect(escapeHtml('&amp;')).toBe('&amp;amp;');
	});
});

describe('iframeSnippet', () => {
	const base = {
		src: 'https://example.org/attention/embed/hot-dog/softmax/',
		title: 'Hot dog: Softmax',
		width: 560,
		height: 680
	};

	it('iframeSnippet({ src, title, width, height }) is one lazy, titled, sized iframe', () => {
		const html = iframeSnippet(base);
		expect(html).toBe(
			'<iframe src="https://example.org/attention/embed/hot-dog/softmax/" title="Hot dog: Softmax"' +
				' width="560" height="680" loading="lazy"' +
				' style="display:block;width:100%;max-width:560px;border:0" data-attention-embed></iframe>'
		);
	});

	it('iframeSnippet escapes a title that could break out of its attribute', () => {
		const html = iframeSnippet({ ...base, title: '"><script>alert(1)</script>' });
		expect(html).not.toContain('<script>');
		expect(html).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
		expect(html.match(/<iframe /g)).toHaveLength(1);
	});

	it('iframeSnippet escapes & in the src query string', () => {
		expect(iframeSnippet({ ...base, src: `${base.src}?theme=dark&childId=a` })).toContain(
			'src="https://example.org/attention/embed/hot-dog/softmax/?theme=dark&amp;childId=a"'
		);
	});

	it('iframeSnippet({ …, script }) adds the async resize script on its own line', () => {
		const html = iframeSnippet({ ...base, script: 'https://example.org/attention/embed.js' });
		expect(html.split('\n')).toHaveLength(2);
		expect(html.split('\n')[1]).toBe(
			'<script src="https://example.org/attention/embed.js" async></script>'
		);
	});

	it('iframeSnippet rounds fractional sizes', () => {
		expect(iframeSnippet({ ...base, width: 559.6, height: 680.2 })).toContain(
			'width="560" height="680"'
		);
	});
});

describe('imageSnippet', () => {
	it('imageSnippet links the image to the step and escapes its alt text', () => {
		expect(
			imageSnippet({
				href: 'https://example.org/hot-dog/softmax/',
				src: 'https://example.org/previews/hot-dog/softmax.svg',
				alt: 'Rows are "queries" & columns <keys>',
				width: 400,
				height: 400
			})
		).toBe(
			'<a href="https://example.org/hot-dog/softmax/"><img src="https://example.org/previews/hot-dog/softmax.svg"' +
				' alt="Rows are &quot;queries&quot; &amp; columns &lt;keys&gt;" width="400" height="400"' +
				' style="max-width:100%;height:auto"></a>'
		);
	});
});
