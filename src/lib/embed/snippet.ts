// Copy-paste HTML for embedding a step elsewhere: an auto-resizing iframe, or a plain image link.

/** Escape text for use in HTML text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** What {@link iframeSnippet} needs. */
export interface IframeSnippetOptions {
	/** Absolute URL of the embed page. */
	src: string;
	/** Accessible name of the iframe (what screen readers announce). */
	title: string;
	width: number;
	height: number;
	/** Absolute URL of the optional resize script; omitted when null. */
	script?: string | null;
}

/**
 * The `<iframe>` to paste into another page: lazy, borderless, responsive up to `width`, and
 * marked `data-attention-embed` so the optional resize script finds it.
 *
 * ```ts
 * iframeSnippet({ src: 'https://example.org/embed/hot-dog/softmax/', title: 'Softmax', width: 560, height: 680 });
 * ```
 */
export function iframeSnippet(options: IframeSnippetOptions): string {
	const { src, title, width, height, script = null } = options;
	const frame =
		`<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}"` +
		` width="${Math.round(width)}" height="${Math.round(height)}" loading="lazy"` +
		` style="display:block;width:100%;max-width:${Math.round(width)}px;border:0"` +
		` data-attention-embed></iframe>`;
	return script ? `${frame}\n<script src="${escapeHtml(script)}" async></script>` : frame;
}

/** What {@link imageSnippet} needs. */
export interface ImageSnippetOptions {
	/** Where the image links to (the step in the essay). */
	href: string;
	/** Absolute URL of the image. */
	src: string;
	alt: string;
	width: number;
	height: number;
}

/** The static alternative: the figure as an image that links to the step. */
export function imageSnippet(options: ImageSnippetOptions): string {
	const { href, src, alt, width, height } = options;
	return (
		`<a href="${escapeHtml(href)}"><img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"` +
		` width="${Math.round(width)}" height="${Math.round(height)}"` +
		` style="max-width:100%;height:auto"></a>`
	);
}
