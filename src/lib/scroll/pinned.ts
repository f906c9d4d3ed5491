// Where a step sits after a jump to it, shared by the app's jumps (essay-client/controller.ts) and the inline
// script a step URL runs while its page is still parsing (Chapters.svelte).

/** Wide screens put the figure beside the prose; narrower ones pin it above. */
export const WIDE = '(min-width: 60rem)';

/** Where a step's start sits after a jump, as a fraction of the window's height. */
export const PINNED = { wide: 0.12, narrow: 0.5 };

/**
 * How far above a step, in window heights beyond the part of the window above the step, a step
 * URL's page lays out the prose before its first paint: the browser renders prose within half a
 * window of the screen as soon as it paints, so that prose must have its real height by then, or
 * the step would move when it did.
 */
export const LAID_OUT_AHEAD = 1;

/**
 * The two scripts a step URL's page runs while it parses, so that its first paint already shows
 * the step, with no wait for the essay's script. A #fragment in the address is left to the
 * browser and then the essay's script. `id` is a step id from content/.
 *
 * Prose far from the screen is not laid out and has an estimated height (essay.css). `before`
 * goes just before the step's article: it lays out the prose blocks above (all of them parsed by
 * then), nearest first, until they fill the window above the step and `LAID_OUT_AHEAD` window
 * more. What will be in view, or near enough to be rendered in the first paint, then has its real
 * height, and it has it before the step's article exists: a paint between the two scripts sees
 * the step where it stays. (The step's own prose comes laid out, `.laid-out` from the server.)
 * `after` goes right after the article and scrolls to it. The prose further up keeps its
 * estimate; the essay's script lays it out later (essay-client/controller.ts, layOutAbove), and
 * the browser keeps what is on screen in place as it does.
 */
export function openAtStep(id: string): { before: string; after: string } {
	const [open, close] = ['<script>', '</' + 'script>'];
	const pinned = `(matchMedia(${JSON.stringify(WIDE)}).matches ? ${PINNED.wide} : ${PINNED.narrow})`;
	return {
		before: `${open}(function () {
	if (location.hash) return;
	var blocks = document.querySelectorAll('.chapter .prose');
	var need = (${pinned} + ${LAID_OUT_AHEAD}) * innerHeight;
	for (var i = blocks.length - 1, seen = 0; i >= 0 && seen < need; i--) {
		blocks[i].classList.add('laid-out');
		seen += blocks[i].offsetHeight;
	}
})();${close}`,
		after: `${open}(function () {
	var el = document.getElementById(${JSON.stringify(id).replace(/</g, '\\u003c')});
	if (!el || location.hash) return;
	var pinned = ${pinned};
	scrollTo(0, Math.max(0, el.getBoundingClientRect().top + scrollY - pinned * innerHeight));
})();${close}`
	};
}
