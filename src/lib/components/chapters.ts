// The chapters' HTML, rendered on the server only: the browser bundle never loads the renderer or
// Chapters.svelte. In the browser (Essay.svelte is compiled for it, though its pages do not run it:
// `csr = false`) the value is a single space, as for tryit/prerender.ts.
import type { EssayData } from '$lib/essay';

export interface ChaptersProps {
	essay: EssayData;
	active: string;
	openAt?: string | null;
}

/** The chapters as HTML (server), or ' ' (browser). */
export const prerenderChapters: (props: ChaptersProps) => string = import.meta.env.SSR
	? (await import('./chapters-ssr.ts')).prerenderChapters
	: () => ' ';
