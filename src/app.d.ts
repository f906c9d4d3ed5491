// Ambient types for SvelteKit and the build-time constants defined in vite.config.ts.
declare global {
	/** Public origin of the deployed site (scheme + host), from PUBLIC_ORIGIN at build time. */
	const __PUBLIC_ORIGIN__: string;
	/** The base path the site is served under (`kit.paths.base`: '' or e.g. `/attention`). */
	const __BASE_PATH__: string;
}

export {};
