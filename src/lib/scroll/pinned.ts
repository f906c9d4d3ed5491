// Where a step sits after a jump to it, shared by the app's jumps (essay-client/controller.ts) and the inline
// script a step URL runs while its page is still parsing (Chapters.svelte).

/** Wide screens put the figure beside the prose; narrower ones pin it above. */
export const WIDE = '(min-width: 60rem)';

/** Where a step's start sits after a jump, as a fraction of the window's height. */
export const PINNED = { wide: 0.12, narrow: 0.5 };

/**
 * What a step URL runs as soon as its step is parsed (before the app starts): it scrolls there,
 * so the first paint already shows the step, with no wait for the scripts. A #fragment in the
 * address is left to the browser and then the app. `id` is a step id from content/. It goes
 * right after the step's article, whose prose and all above it are laid out from the start
 * (Chapters.svelte), so where it lands is where the step stays.
 */
export function openAtStep(id: string): string {
	const [open, close] = ['<script>', '</' + 'script>'];
	return `${open}(function () {
	var el = document.getElementById(${JSON.stringify(id)});
	if (!el || location.hash) return;
	var pinned = matchMedia(${JSON.stringify(WIDE)}).matches ? ${PINNED.wide} : ${PINNED.narrow};
	scrollTo(0, Math.max(0, el.getBoundingClientRect().top + scrollY - pinned * innerHeight));
})();${close}`;
}
