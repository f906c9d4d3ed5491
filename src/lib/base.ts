// The base path the site is served under ('' at a host's root, or e.g. `/attention`), for code that
// runs on the essay's page. That page does not run SvelteKit's client, and `$app/paths` would load
// it; this is the same value (`kit.paths.base`, absolute: svelte.config.js sets `relative: false`),
// fixed at build time (vite.config.ts).
export const base: string = __BASE_PATH__;
