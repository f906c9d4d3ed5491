// Where each step's shareable artefacts live, and their absolute URLs for snippets, cards and oEmbed.
import { dataPath, embedPath, figurePath, previewPath, stepPath } from '../essay.ts';

/** Size of the preview (Open Graph / Twitter card) image, in pixels. */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/**
 * The embed's suggested iframe size, in CSS pixels: wide enough for the figure's labels; the height
 * is a typical one (./size.ts estimates each step's, and auto-height adjusts it).
 */
export const EMBED_SIZE = { width: 560, height: 700 } as const;

/** Path of the optional host script that resizes embeds to their content: `/embed.js`. */
export const EMBED_SCRIPT_PATH = '/embed.js';

/** Path of a step's oEmbed document: `/oembed/hot-dog/softmax.json`. */
export function oembedPath(chapter: string, step: string): string {
	return `/oembed/${chapter}/${step}.json`;
}

/** Path of a step's figure as a self-contained light SVG for slides and papers. */
export function downloadSvgPath(chapter: string, step: string): string {
	return `/previews/${chapter}/${step}.svg`;
}

/** Every absolute URL that belongs to one step. */
export interface ShareUrls {
	/** The essay opened at the step. */
	page: string;
	/** The chrome-less embed page. */
	embed: string;
	/** The oEmbed JSON document. */
	oembed: string;
	/** The 1200 × 630 preview PNG. */
	preview: string;
	/** The figure as a self-contained SVG (download). */
	svg: string;
	/** The figure as the site's standalone SVG (follows the viewer's colour scheme). */
	figure: string;
	/** The numbers behind the figure, as JSON. */
	data: string;
	/** The host script that resizes embeds. */
	script: string;
	/** The site's front page. */
	home: string;
}

/**
 * Absolute URLs of one step's page, embed, oEmbed document, images and data.
 * @param origin scheme and host, e.g. `https://example.org`
 * @param base the base path, e.g. `/attention` or ``
 */
export function shareUrls(origin: string, base: string, chapter: string, step: string): ShareUrls {
	const at = (path: string) => `${origin}${base}${path}`;
	return {
		page: at(stepPath(chapter, step)),
		embed: at(embedPath(chapter, step)),
		oembed: at(oembedPath(chapter, step)),
		preview: at(previewPath(chapter, step)),
		svg: at(downloadSvgPath(chapter, step)),
		figure: at(figurePath(chapter, step)),
		data: at(dataPath(chapter, step)),
		script: at(EMBED_SCRIPT_PATH),
		home: at('/')
	};
}
