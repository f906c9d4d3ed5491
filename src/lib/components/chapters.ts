// The chapters' HTML, rendered on the server only: the browser bundle never loads the renderer or
// Chapters.svelte. In the browser the value is a single space, which {@html} keeps the server's
// markup for as the page hydrates (see tryit/prerender.ts for why not '').
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
