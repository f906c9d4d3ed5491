// A thin scroller: reports which step becomes active (or stops being active) as the reader scrolls, and nothing else.
//
//   steps (DOM, id = step id) ──scrollama──▶ onStep(id, direction) / onLeave(id, direction)
//   cleanup: the returned function destroys scrollama and its observers.
import scrollama from 'scrollama';

/** Options for {@link createScroller}. */
export interface ScrollerOptions {
	/** CSS selector of the step elements; each must carry its step id in `id`. */
	selector: string;
	/** Where in the viewport (0 = top, 1 = bottom) a step becomes active. */
	offset: number;
	/** Called when a step becomes active. */
	onStep: (id: string, direction: 'up' | 'down') => void;
	/** Called when a step stops being active (e.g. scrolling back above the first step). */
	onLeave?: (id: string, direction: 'up' | 'down') => void;
}

/**
 * Start watching the steps. Returns a cleanup function (call it from an `$effect` teardown).
 *
 * ```ts
 * $effect(() => createScroller({ selector: '.step', offset: 0.6, onStep: (id) => (active = id) }));
 * ```
 */
export function createScroller(options: ScrollerOptions): () => void {
	const scroller = scrollama();
	scroller
		.setup({ step: options.selector, offset: options.offset as never })
		.onStepEnter(({ element, direction }) => options.onStep(element.id, direction))
		.onStepExit(({ element, direction }) => options.onLeave?.(element.id, direction));
	const resize = () => scroller.resize();
	window.addEventListener('resize', resize);
	return () => {
		window.removeEventListener('resize', resize);
		scroller.destroy();
	};
}
