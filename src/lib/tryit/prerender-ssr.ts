// Server half of prerender.ts: renders TryItLive to a string, with ids that cannot collide.
import { render } from 'svelte/server';
import type { TryItProps } from './props.ts';
import TryItLive from './TryItLive.svelte';

/**
 * TryItLive in its default state, as HTML. Its generated ids (figure titles, hatch patterns) are
 * prefixed with the chapter, so they stay unique beside the page's own. Svelte's hydration markers
 * (HTML comments) are removed: this copy is never hydrated, and an empty `<!---->` inside it would
 * end the page's own `{@html}` block early when the page hydrates. Text in the markup is escaped,
 * so no comment can come from content.
 */
export function prerenderTryIt(props: TryItProps): string {
	const { body } = render(TryItLive, { props, idPrefix: `tryit-${props.chapter.slug}-` });
	return body.replace(/<!--[\s\S]*?-->/g, '');
}
