// The try-it's static HTML, rendered on the server only: the browser bundle never loads the renderer.
//
// On the server this module waits for prerender-ssr.ts (Svelte's renderer and the whole try-it);
// in the browser `import.meta.env.SSR` is false, the import below is dead code and is dropped, so
// the essay's first load carries none of the try-it's figure code. The browser's value is a single
// space, not '': Svelte then keeps the server's markup of an {@html} block as it hydrates (with ''
// it would not skip over that markup, and hydration would fail).
import type { TryItProps } from './props.ts';

/** The try-it's markup for its default state, or ' ' in the browser. */
export type Prerender = (props: TryItProps) => string;

/** Renders the live try-it to HTML (server only); in the browser, returns ' '. */
export const prerenderTryIt: Prerender = import.meta.env.SSR
	? (await import('./prerender-ssr.ts')).prerenderTryIt
	: () => ' ';
