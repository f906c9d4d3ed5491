// Run work while the page is still: heavy but optional work (mounting a try-it ahead of the reader)
// waits for a pause in scrolling, so it never lands in the frames of a scroll that is animating
// the figure.
//
//   scroll ─┬─ (another within quietMs) ─▶ wait again
//           └─ (none for quietMs) ─────────▶ run()

/** How long the page must go without a scroll event to count as still. */
export const QUIET_MS = 200;

/**
 * Call `run` once no scroll event has reached `target` for `quietMs` (at once after `quietMs` if
 * none comes). Returns a function that cancels the call if it has not happened yet.
 */
export function whenStill(
	run: () => void,
	{ quietMs = QUIET_MS, target = window }: { quietMs?: number; target?: EventTarget } = {}
): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stop = () => {
		clearTimeout(timer);
		target.removeEventListener('scroll', restart);
	};
	function restart() {
		clearTimeout(timer);
		timer = setTimeout(() => {
			stop();
			run();
		}, quietMs);
	}
	target.addEventListener('scroll', restart, { passive: true });
	restart();
	return stop;
}
