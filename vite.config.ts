// Vite configuration: SvelteKit, unit tests, build-time constants, and a reload when content/ changes.
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import svelteConfig from './svelte.config.js';
import { ESSAY_CLIENT_ENTRY, ESSAY_CLIENT_MANIFEST } from './scripts/essay-client-paths.js';

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
 * hydrates (the pages that do), and every navigation is a full page load (data-sveltekit-reload
 * in app.html).
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

/**
 * The essay's own browser entry (src/lib/essay-client/boot.ts). The essay pages do not run
 * SvelteKit's client (`csr = false`: its start and the hydration were most of their blocking time);
 * they load this one module instead. The client build emits it as an entry chunk and records its
 * file in ESSAY_CLIENT_MANIFEST, which the server reads as it prerenders the pages
 * (src/lib/server/essay-client.ts); SvelteKit builds the server first, then the client, then
 * prerenders.
 */
function essayClient(): Plugin {
	const entry = resolve(ESSAY_CLIENT_ENTRY);
	return {
		name: 'essay-client',
		apply: 'build',
		// An input of the client build, beside SvelteKit's own (entry/start, entry/app, nodes/*).
		options(options) {
			if (this.environment?.config.consumer !== 'client') return;
			const input = options.input;
			if (!input || typeof input !== 'object' || Array.isArray(input)) {
				this.error('essay-client: expected the client build to have named inputs');
			}
			return { ...options, input: { ...input, 'entry/essay': entry } };
		},
		generateBundle(_options, bundle) {
			if (this.environment?.config.consumer !== 'client') return;
			const chunk = Object.values(bundle).find(
				(c) => c.type === 'chunk' && c.facadeModuleId === entry
			);
			if (!chunk || chunk.type !== 'chunk') this.error(`essay-client: no chunk for ${entry}`);
			const out = resolve(ESSAY_CLIENT_MANIFEST);
			mkdirSync(dirname(out), { recursive: true });
			writeFileSync(out, JSON.stringify({ file: chunk.fileName }));
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), watchContent(), proseModule(), essayClient()],
	build: {
		sourcemap: process.env.SOURCEMAP === '1',
		// No <link rel=modulepreload> is added at run time for a lazy chunk's imports: adding them
		// cost the app's start about 15 ms of main thread (mobile, measured), more than the
		// round trip it saves. Chunks are small and few; their imports load as they are reached.
		modulePreload: false
	},
	resolve: {
		// scrollama's ES modules, not its UMD build (its `browser` field): a CommonJS module would
		// bring the bundler's interop helpers, which land in the Svelte runtime's chunk, so the essay's
		// first script would load all of Svelte with them.
		alias: [{ find: /^scrollama$/, replacement: resolve('node_modules/scrollama/index.js') }]
	},
	define: {
		__PUBLIC_ORIGIN__: JSON.stringify(origin),
		// For the essay's own script (src/lib/base.ts), which does not run SvelteKit's client and so
		// cannot take `base` from `$app/paths` without loading that client.
		__BASE_PATH__: JSON.stringify(svelteConfig.kit?.paths?.base ?? '')
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
