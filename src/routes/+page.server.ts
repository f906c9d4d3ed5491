// The essay, read from the top: static HTML and the essay's own script, not SvelteKit's client
// (see src/lib/essay-client/controller.ts).
import { essayClientUrls } from '$lib/server/essay-client';

export const csr = false;

export function load() {
	return { scripts: essayClientUrls() };
}
