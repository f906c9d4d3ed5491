// Ambient types for SvelteKit and the build-time constants defined in vite.config.ts.
declare global {
	/** Public origin of the deployed site (scheme + host), from PUBLIC_ORIGIN at build time. */
	const __PUBLIC_ORIGIN__: string;
}

export {};

declare module 'virtual:essay-prose' {
	/**
	 * Rendered prose keyed by `opening`, `intro:<chapter>` and step id. Real HTML during server
	 * rendering; in the browser a stand-in (a single space) that makes {@html} keep the server's DOM.
	 */
	export const prose: Record<string, string>;
}
