// Lay out the prose ahead of the reader while the page is idle. The chapters' prose is not
// rendered until the reader nears it (content-visibility: auto in essay.css), which keeps the first
// load light; but then each block's style and layout (up to about 7 ms on a fast desktop, four
// times that on a slow phone) lands in a frame of the scroll that brings it near, often one that
// also moves the figure. Once the reader has started reading, this renders the blocks in idle
// periods instead, the nearest below the viewport first, one at a time.
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
 * Render `blocks` (in document order) in idle periods, starting with the first one that ends below
 * the top of the viewport, then the rest after it, then any before it. Blocks already rendered
 * for good (content-visibility: visible) are skipped. Returns a function that stops.
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
			block.style.contentVisibility = 'visible';
			// Style and layout now, in this idle period, not in the next frame.
			void block.offsetHeight;
		}
		if (queue.length > 0) id = idle.request(run);
	});
	return () => idle.cancel(id);
}

/** The blocks still to render: from the first below the viewport's top on, then those above. */
function order(blocks: HTMLElement[]): HTMLElement[] {
	const waiting = blocks.filter((b) => getComputedStyle(b).contentVisibility !== 'visible');
	const next = waiting.findIndex((b) => b.getBoundingClientRect().bottom > 0);
	return next < 0
		? waiting.reverse()
		: [...waiting.slice(next), ...waiting.slice(0, next).reverse()];
}

function browserIdle(): IdleScheduler | null {
	if (typeof window === 'undefined' || typeof window.requestIdleCallback !== 'function')
		return null;
	return {
		request: (run) => window.requestIdleCallback(run),
		cancel: (id) => window.cancelIdleCallback(id)
	};
}
