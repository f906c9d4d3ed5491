// Server half of chapters.ts: Svelte's server render of Chapters.svelte, without hydration markers.
import { render } from 'svelte/server';
import Chapters from './Chapters.svelte';
import type { ChaptersProps } from './chapters.ts';

/**
 * The chapters as HTML. Svelte's hydration markers (HTML comments) are removed: this markup is
 * never hydrated, and an empty `<!---->` inside it would end the page's own `{@html}` block early
 * when the page hydrates. Text in it is escaped by Svelte or is build-time HTML from content/.
 */
export function prerenderChapters(props: ChaptersProps): string {
	return render(Chapters, { props }).body.replace(/<!--[\s\S]*?-->/g, '');
}
