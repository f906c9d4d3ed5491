// Vite configuration: SvelteKit, unit tests, build-time constants, and a reload when content/ changes.
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

/** The public origin the site is served from, used for absolute share, preview and embed URLs. */
const origin = (process.env.PUBLIC_ORIGIN ?? 'http://localhost:4173').replace(/\/+$/, '');
if (!/^https?:\/\/[^/]+$/.test(origin)) {
	throw new Error(
		`PUBLIC_ORIGIN must be a scheme and host with no path, e.g. https://example.org (got "${origin}")`
	);
}

/** Files in content/ are read by server code; reload the page when a writer edits one. */
function watchContent(): Plugin {
	const dir = resolve('content');
	return {
		name: 'watch-content',
		configureServer(server) {
			server.watcher.add(dir);
			const reload = (file: string) => {
				if (!file.startsWith(dir)) return;
				for (const env of Object.values(server.environments)) {
					const mods = env.moduleGraph.getModulesByFile(file);
					mods?.forEach((m) => env.moduleGraph.invalidateModule(m));
				}
				server.ws.send({ type: 'full-reload', path: '*' });
			};
			server.watcher.on('change', reload);
			server.watcher.on('add', reload);
			server.watcher.on('unlink', reload);
		}
	};
}

/**
 * `virtual:essay-prose`: the essay's rendered prose (HTML + MathJax SVG), keyed by
 * `opening`, `intro:<chapter>` and step id. Server rendering gets the real HTML from the content
 * pipeline; the browser bundle gets a stand-in, so the prose is shipped once, in the prerendered
 * page, and never again as hydration data. Svelte keeps server-rendered {@html} as it is when it
 * hydrates, and every navigation is a full page load (data-sveltekit-reload in app.html).
 */
function proseModule(): Plugin {
	const id = 'virtual:essay-prose';
	const resolved = '\0' + id;
	return {
		name: 'essay-prose',
		resolveId(source) {
			return source === id ? resolved : undefined;
		},
		load(source, options) {
			if (source !== resolved) return undefined;
			const server = this.environment
				? this.environment.config.consumer === 'server'
				: options?.ssr;
			return server
				? "export { prose } from '/src/lib/server/content/prose.ts';"
				: 'export const prose = new Proxy({}, { get: () => " " });';
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), watchContent(), proseModule()],
	build: {
		sourcemap: process.env.SOURCEMAP === '1',
		// No <link rel=modulepreload> is added at run time for a lazy chunk's imports: adding them
		// cost the app's start about 15 ms of main thread (mobile, measured), more than the
		// round trip it saves. Chunks are small and few; their imports load as they are reached.
		modulePreload: false
	},
	define: {
		__PUBLIC_ORIGIN__: JSON.stringify(origin)
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					exclude: ['src/**/*.svelte.spec.ts'],
					environment: 'node'
				}
			},
			{
				// Runes (`$state`, `$effect`) in tests: Svelte's client runtime, still in Node (no DOM).
				extends: true,
				resolve: { conditions: ['browser'] },
				test: {
					name: 'runes',
					include: ['src/**/*.svelte.spec.ts'],
					environment: './scripts/test/client-environment.ts'
				}
			}
		]
	}
});
