// Types of the virtual modules defined in vite.config.ts.

declare module 'virtual:essay-prose' {
	/**
	 * Rendered prose keyed by `opening`, `intro:<chapter>` and step id. Real HTML during server
	 * rendering; in the browser a stand-in (a single space) that makes {@html} keep the server's DOM.
	 */
	export const prose: Record<string, string>;
}
