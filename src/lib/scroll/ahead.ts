// Lay out the prose ahead of the reader while the page is idle. The chapters' prose is not
// rendered until the reader nears it (content-visibility: auto in essay.css), which keeps the first
// load light; but then each block's style and layout (up to about 7 ms on a fast desktop, four
// times that on a slow phone) lands in a frame of the scroll that brings it near, often one that
// also moves the figure. Once the reader has started reading, this renders the blocks below the
// viewport in idle periods instead, nearest first, one at a time. Blocks above the viewport are
// left alone: their height changing would move what the reader sees.
//
//   first move ──▶ idle period with ≥ minMs left? ──yes──▶ render the next block ──▶ repeat
//                               │no                                                    │
//                               └──────────── wait for the next idle period ◀──────────┘

/** What an idle callback is told (requestIdleCallback's IdleDeadline). */
export interface Deadline {
	timeRemaining(): number;
}

/** How to wait for idle periods: the browser's requestIdleCallback, or a stand-in in tests. */
export interface IdleScheduler {
	request(run: (deadline: Deadline) => void): number;
	cancel(id: number): void;
}

/** Idle time a block needs before it is rendered; a block takes up to about 7 ms on a desktop. */
export const MIN_IDLE_MS = 8;

/**
 * Render `blocks` (in document order) that start below the top of the viewport, in idle periods,
 * nearest first. Blocks already rendered for good (content-visibility: visible) are skipped, and so
 * is a block the reader has scrolled past before its turn. Returns a function that stops.
 * Without requestIdleCallback (and no scheduler given) it does nothing: the blocks render as the
 * reader nears them, as before.
 */
export function layOutAhead(
	blocks: HTMLElement[],
	idle: IdleScheduler | null = browserIdle(),
	minMs = MIN_IDLE_MS
): () => void {
	if (!idle || blocks.length === 0) return () => {};
	let queue: HTMLElement[] | null = null;
	let id = idle.request(function run(deadline) {
		queue ??= order(blocks);
		while (queue.length > 0 && deadline.timeRemaining() >= minMs) {
			const block = queue.shift()!;
			// Only below the viewport: a block above it would change height over what the reader
			// sees (its estimate becoming its real height); that one renders when scrolled back to.
			if (block.getBoundingClientRect().top < 0) continue;
			block.style.contentVisibility = 'visible';
			// Style and layout now, in this idle period, not in the next frame.
			void block.offsetHeight;
		}
		if (queue.length > 0) id = idle.request(run);
	});
	return () => idle.cancel(id);
}

/** The blocks still to render, in order, from the first that starts below the viewport's top. */
function order(blocks: HTMLElement[]): HTMLElement[] {
	return blocks.filter(
		(b) => getComputedStyle(b).contentVisibility !== 'visible' && b.getBoundingClientRect().top >= 0
	);
}

function browserIdle(): IdleScheduler | null {
	if (typeof window === 'undefined' || typeof window.requestIdleCallback !== 'function')
		return null;
	return {
		request: (run) => window.requestIdleCallback(run),
		cancel: (id) => window.cancelIdleCallback(id)
	};
}
