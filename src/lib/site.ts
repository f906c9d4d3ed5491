// The site's public origin and absolute URLs, for share links, preview images and embed snippets.

/** Public origin (scheme + host) set at build time with PUBLIC_ORIGIN; localhost by default. */
export const ORIGIN: string = __PUBLIC_ORIGIN__;

/**
 * Absolute URL of a path on the site.
 * @param base the base path (`$app/paths` base), e.g. `/attention` or ``
 * @param path a path relative to the base, starting with `/`
 */
export function absoluteUrl(base: string, path: string): string {
	return `${ORIGIN}${base}${path}`;
}
