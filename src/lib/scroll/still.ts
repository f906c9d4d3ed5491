// Run work while the page is still: heavy but optional work (mounting a try-it ahead of the reader)
// waits for a pause in scrolling, so it never lands in the frames of a scroll that is animating
// the figure.
//
//   scroll ─┬─ (another within quietMs) ─────────────────────────▶ wait again
//           └─ (none for quietMs) ─▶ next frame ─┬─ scrolled in it ─▶ wait again
//                                                 └─ still ──────────▶ run()
//
// A browser fires the scroll events of a frame just before that frame's animation callbacks. When
// frames come slower than quietMs (a busy main thread, a slow phone), a reader still scrolling
// has events waiting for the next frame that a timer alone would not see; checking again in that
// frame's callback counts them.

/** How long the page must go without a scroll event to count as still. */
export const QUIET_MS = 200;

/** Schedules a callback for the next frame (requestAnimationFrame in a browser). */
export type FrameScheduler = (callback: () => void) => void;

const nextFrame: FrameScheduler = (callback) =>
	typeof requestAnimationFrame === 'function'
		? requestAnimationFrame(() => callback())
		: setTimeout(callback, 0);

/**
 * Call `run` once no scroll event has reached `target` for `quietMs` (at once after `quietMs` if
 * none comes), and none came in the frame after that either. Returns a function that cancels the
 * call if it has not happened yet.
 */
export function whenStill(
	run: () => void,
	{
		quietMs = QUIET_MS,
		target = window,
		frame = nextFrame
	}: { quietMs?: number; target?: EventTarget; frame?: FrameScheduler } = {}
): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** Scroll events seen so far: a frame's check runs only if none came since its timer. */
	let scrolls = 0;
	let stopped = false;
	const stop = () => {
		stopped = true;
		clearTimeout(timer);
		target.removeEventListener('scroll', restart);
	};
	function wait() {
		clearTimeout(timer);
		timer = setTimeout(() => {
			const seen = scrolls;
			frame(() => {
				if (stopped || scrolls !== seen) return;
				stop();
				run();
			});
		}, quietMs);
	}
	function restart() {
		scrolls += 1;
		wait();
	}
	target.addEventListener('scroll', restart, { passive: true });
	wait();
	return stop;
}
