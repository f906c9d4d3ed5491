// Server hooks (run while prerendering): what each page asks the browser to fetch early.
import type { Handle } from '@sveltejs/kit';

/**
 * Scripts are not preloaded from the <head>. Every page is complete HTML, readable before any script
 * runs; the scripts that make it live are fetched when the parser reaches the end of the page, so
 * on a slow connection they do not compete with the HTML (and first paint) for bandwidth.
 * Stylesheets are inlined (svelte.config.js); fonts are the system's.
 */
export const preloadNoScripts = ({ type }: { type: 'js' | 'css' | 'font' | 'asset' }) =>
	type !== 'js';

export const handle: Handle = ({ event, resolve }) => resolve(event, { preload: preloadNoScripts });
