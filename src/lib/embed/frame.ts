// The embed page's only JavaScript (about 1 KB, inlined): auto-height for the host, and the query
// word buttons, which swap in figures prerendered for each word. Hydrating the figure would ship
// SvelteKit's router, Svelte's runtime, d3 and every figure view: about 70 KB gzipped.
//
//   page load ──▶ post height to parent ──ResizeObserver──▶ post again whenever it changes
//   host request (embed.js / pym "width") ─────────────────▶ post again
//   click button[data-query] ──▶ <template data-query> ──▶ replace the figure (fade unless reduced motion)
import { heightMessages, isHeightRequest } from './resize.ts';

/**
 * Runs in the embed page. Self-contained apart from its two arguments, because {@link frameScript}
 * inlines its source.
 */
export function embedFrame(messagesFor: typeof heightMessages, isRequest: typeof isHeightRequest) {
	const root = document.querySelector<HTMLElement>('[data-embed]');
	if (!root) return;
	const slot = root.querySelector<HTMLElement>('[data-embed-figure]');
	const status = root.querySelector<HTMLElement>('[data-embed-status]');
	const shown = new Map<string, Element>();

	root.addEventListener('click', (event) => {
		const target = event.target as Element | null;
		const button = target && target.closest<HTMLButtonElement>('button[data-query]');
		if (!button || !slot || button.getAttribute('aria-pressed') === 'true') return;
		const word = button.getAttribute('data-query') || '';
		let next = shown.get(word);
		if (!next) {
			const template = Array.prototype.find.call(
				root.querySelectorAll('template[data-query]'),
				(t: HTMLTemplateElement) => t.getAttribute('data-query') === word
			) as HTMLTemplateElement | undefined;
			next = template && (template.content.firstElementChild?.cloneNode(true) as Element);
		}
		const current = slot.firstElementChild;
		if (!next || !current) return;
		shown.set(current.getAttribute('data-query') || '', current);
		slot.replaceChildren(next);
		if (!matchMedia('(prefers-reduced-motion: reduce)').matches && next.animate) {
			next.animate([{ opacity: 0.2 }, { opacity: 1 }], { duration: 350, easing: 'ease-out' });
		}
		root.querySelectorAll('button[data-query]').forEach((b) => {
			b.setAttribute('aria-pressed', String(b === button));
		});
		if (status) status.textContent = 'Query word: ' + word;
	});

	if (window.parent === window) return;
	const childId = new URLSearchParams(location.search).get('childId');
	let last = -1;
	const post = (force: boolean) => {
		const height = Math.ceil(root.getBoundingClientRect().height);
		// Not laid out yet (seen while a host page is busy): never ask the host to collapse the
		// frame; the ResizeObserver and the load event post the real height.
		if (height <= 0) return;
		if (height === last && !force) return;
		last = height;
		messagesFor(height, childId).forEach((message) => window.parent.postMessage(message, '*'));
	};
	new ResizeObserver(() => post(false)).observe(root);
	window.addEventListener('message', (event) => {
		if (event.source === window.parent && isRequest(event.data, childId)) post(true);
	});
	window.addEventListener('load', () => post(true));
	post(true);
}

/** The inline `<script>` body that runs {@link embedFrame} with the protocol's functions. */
export function frameScript(): string {
	return `(${embedFrame})(${heightMessages}, ${isHeightRequest});`;
}

/** {@link frameScript} as a `<script>` element for {@html}, with any `</` in it escaped. */
export function frameScriptTag(): string {
	return `<script>${frameScript().replaceAll('</', '<\\/')}</scr` + 'ipt>';
}
