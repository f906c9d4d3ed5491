// The oEmbed document for a step: lets hosts that speak oEmbed turn a step's URL into its embed.
import { iframeSnippet } from './snippet.ts';

/** An oEmbed 1.0 response of type "rich" (https://oembed.com/#section2.3). */
export interface OEmbedRich {
	type: 'rich';
	version: '1.0';
	title: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
	thumbnail_url: string;
	thumbnail_width: number;
	thumbnail_height: number;
	cache_age: number;
}

/** What {@link oembedDocument} needs; every URL absolute. */
export interface OEmbedOptions {
	title: string;
	providerName: string;
	providerUrl: string;
	/** The embed page the iframe shows. */
	embedUrl: string;
	width: number;
	height: number;
	thumbnail: { url: string; width: number; height: number };
}

/** Consumers may cache the document this long (seconds): a week. */
const CACHE_AGE = 7 * 24 * 60 * 60;

/**
 * The oEmbed JSON for one step. Its `html` is the iframe alone: consumers that sanitise scripts
 * keep it, and its fixed size fits the figure, caption and link.
 */
export function oembedDocument(options: OEmbedOptions): OEmbedRich {
	const { title, providerName, providerUrl, embedUrl, width, height, thumbnail } = options;
	return {
		type: 'rich',
		version: '1.0',
		title,
		provider_name: providerName,
		provider_url: providerUrl,
		html: iframeSnippet({ src: embedUrl, title, width, height }),
		width,
		height,
		thumbnail_url: thumbnail.url,
		thumbnail_width: thumbnail.width,
		thumbnail_height: thumbnail.height,
		cache_age: CACHE_AGE
	};
}
