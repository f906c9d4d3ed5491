// SvelteKit configuration: a fully prerendered static site, optionally hosted under a sub-path.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * BASE_PATH: where the site lives on its host, e.g. `/attention` for https://example.org/attention/.
 * Empty (the default) means the site is served from the root.
 */
const base = /** @type {'' | `/${string}`} */ ((process.env.BASE_PATH ?? '').replace(/\/+$/, ''));
if (base && !base.startsWith('/')) {
	throw new Error(`BASE_PATH must start with "/" (got "${base}"), e.g. BASE_PATH=/attention`);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base, relative: false },
		// The stylesheets (about 7 KB gzip in all) go inline in each page: the first paint then waits
		// for the HTML alone, not for a second round of requests on a slow connection.
		inlineStyleThreshold: 32 * 1024,
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		}
	}
};

export default config;
