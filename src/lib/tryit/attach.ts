// Brings a prerendered try-it to life: loads the live component when the reader comes near it (or
// at once), mounts it beside the static copy and removes that copy. Used by TryIt.svelte (embeds)
// and by the essay, whose chapters are static HTML acted on by essay-client/controller.ts.
//
//   near the viewport ──▶ static copy shown (the essay keeps it as text in <noscript>)
//        └─ once scrolling pauses (after the reader's first move) · focus · pointer · ?try=<chapter> · embed
//             ──import('./TryItLive.svelte')──▶ mount in .tryit-host, hidden, in three tasks
//             ──two frames──▶ .tryit-static removed, the live copy shown
//
// Mounting takes some 10 to 15 ms on a fast desktop, four times that on a slow phone, so it waits
// for the first pause in scrolling (whenStill), never lands in the frames of a scroll that is
// animating the figure, and comes in parts (TryItLive's `staged`): the controls, the figure and the
// query panel each in a task of its own, laid out out of sight over the static copy, then a frame
// that lays them out and sizes the grid's canvas, then the swap, in which little is left to do.
// Until then the reader sees the static copy, parsed from its <noscript> text when it comes near:
// the same markup, at a fraction of the cost. Typing into it, or touching or focusing it, wakes the
// live one at once; what was typed and the focused control carry over.
import type { mount } from 'svelte';
import { whenStill } from '../scroll/still.ts';
import type { TryItProps } from './props.ts';
import { PARAM } from './state.ts';
import './tryit.css';

/**
 * Watch `slot` (a `.tryit-slot` holding `.tryit-static` and an empty `.tryit-host`) and make it
 * live when needed. Returns a cleanup function that stops watching and unmounts the live copy.
 *
 * `moved` settles at the reader's first move (the essay's page passes it). Until then a try-it
 * near the viewport does not come alive by itself at a pause, and its static copy is shown only if
 * it is already in view: a step URL opened just above a try-it then does not pay for the mount
 * (some 50 to 100 ms in one task) and the copy's layout while the page loads and nobody has done
 * anything yet. A touch or focus still wakes it at once.
 */
export function attachTryIt(
	slot: HTMLElement,
	props: TryItProps,
	moved: Promise<unknown> = Promise.resolve()
): () => void {
	const host = slot.querySelector<HTMLElement>('.tryit-host');
	if (!host) throw new Error('attachTryIt: the slot has no .tryit-host');
	let app: ReturnType<typeof mount> | null = null;
	let waking = false;
	let stopped = false;
	/** Stops whatever waits to wake it (observers, a pending pause, listeners); set below. */
	let unwatch = () => {};

	async function wake() {
		if (waking) return;
		waking = true;
		unwatch();
		// Svelte itself comes with the component: the essay's page loads none until it is needed.
		const [{ mount }, { default: TryItLive }] = await Promise.all([
			import('svelte'),
			import('./TryItLive.svelte')
		]);
		if (stopped) return;
		// The static copy stays in view until the swap, but gives up its ids (kept as data-id, to
		// carry the focus over), its labels' targets and its data-tryit: the live copy has the same.
		for (const el of slot.querySelectorAll('.tryit-static :is([id], [for], [data-tryit])')) {
			if (el.id) (el as HTMLElement).dataset.id = el.id;
			el.removeAttribute('id');
			el.removeAttribute('for');
			el.removeAttribute('data-tryit');
		}
		host!.dataset.staging = '';
		app = mount(TryItLive, { target: host!, props: { ...props, staged: show } });
	}

	/**
	 * Once every part of the live copy is in: a frame lays it out where it is hidden (and sizes the
	 * grid's canvas), and the next swaps it for the static copy.
	 */
	function show(): Promise<void> {
		return new Promise((done) =>
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					if (!stopped) swap();
					done();
				})
			)
		);
	}

	/** Remove the static copy and show the live one, with what the reader did to the first. */
	function swap() {
		const copy = slot.querySelector('.tryit-static');
		const input = copy?.querySelector<HTMLInputElement>('input[type="text"]');
		const typed = input && input.value !== input.defaultValue ? input.value : null;
		const active = copy?.contains(document.activeElement) ? document.activeElement : null;
		const focused = active instanceof HTMLElement ? active.dataset.id : undefined;
		// The live copy may be a little taller or shorter than the static one (or than the height
		// kept for a copy not yet in): what the reader reads below the slot stays where it is.
		keepBelowInPlace(slot, () => {
			copy?.remove();
			delete host!.dataset.staging;
		});
		const next = host!.querySelector<HTMLInputElement>('input[type="text"]');
		if (next && typed !== null) {
			next.value = typed;
			next.dispatchEvent(new Event('input', { bubbles: true }));
		}
		if (focused) document.getElementById(focused)?.focus();
	}

	const opened = new URLSearchParams(location.search).get(PARAM.chapter) === props.chapter.slug;
	if (props.embed || opened) {
		void wake();
		return () => {
			stopped = true;
			if (app) void drop(app);
		};
	}
	// A screen or so before the reader reaches it, show the static copy, and come alive at the
	// first pause in scrolling there, or at the first touch or focus. Before the reader's first
	// move, only a copy in view is shown: one a screen below waits for the move (parsing it in takes
	// frames of 10 ms or more, while the page is still loading).
	let pending: (() => void) | null = null;
	let isNear = false;
	let hasMoved = false;
	const update = () => {
		if (!isNear || !hasMoved || stopped) return;
		showStatic(slot);
		if (!pending && !waking) pending = whenStill(() => void wake());
	};
	void moved.then(() => {
		hasMoved = true;
		update();
	});
	const near = new IntersectionObserver(
		(entries) => {
			isNear = entries[entries.length - 1].isIntersecting;
			if (isNear) update();
			else if (pending) {
				pending();
				pending = null;
			}
		},
		{ rootMargin: '100% 0px' }
	);
	// Once the copy is shown, later crossings have nothing to do.
	const seen = new IntersectionObserver((entries) => {
		if (!entries[entries.length - 1].isIntersecting) return;
		showStatic(slot);
		seen.disconnect();
	});
	seen.observe(slot);
	near.observe(slot);
	const events = ['focusin', 'pointerdown'] as const;
	events.forEach((e) => slot.addEventListener(e, wake, { once: true }));
	unwatch = () => {
		pending?.();
		near.disconnect();
		seen.disconnect();
		events.forEach((e) => slot.removeEventListener(e, wake));
	};
	return () => {
		stopped = true;
		unwatch();
		if (app) void drop(app);
	};
}

/** Unmount a live copy (Svelte is loaded by then: the copy was mounted with it). */
async function drop(app: ReturnType<typeof mount>) {
	const { unmount } = await import('svelte');
	await unmount(app);
}

/**
 * Two idle-time jobs that lay out a copy of a slot's static try-it once, out of sight, and throw
 * it away: the first try-it shown then finds the font sizes it needs already made (on Linux each
 * new size asks the browser process how to render it), instead of paying for them in a frame of
 * the reader's scroll. The first job parses the copy into a hidden box of the slot's width; the
 * second lays it out and removes it. Nothing if the slot has no static copy left. The box is
 * marked `data-warm-box`, so whoever stops the warm-up between the two can remove it.
 */
export function warmStatic(slot: HTMLElement): (() => void)[] {
	let box: HTMLElement | null = null;
	return [
		() => {
			const kept = slot.querySelector('.tryit-static > noscript');
			if (!kept) return;
			const width = slot.getBoundingClientRect().width;
			box = document.createElement('div');
			box.setAttribute('aria-hidden', 'true');
			box.dataset.warmBox = '';
			box.style.cssText = `display:none;position:fixed;left:0;top:0;width:${width}px;visibility:hidden;pointer-events:none;contain:layout style;z-index:-1`;
			const template = document.createElement('template');
			template.innerHTML = kept.textContent ?? '';
			// No second element with the live copy's ids (or labels pointing at them), even hidden.
			for (const el of template.content.querySelectorAll('[id], [for]')) {
				el.removeAttribute('id');
				el.removeAttribute('for');
			}
			box.append(template.content);
			document.body.append(box);
		},
		() => {
			if (!box) return;
			box.style.display = 'block';
			void box.offsetHeight;
			box.remove();
			box = null;
		}
	];
}

/** Elements put into the page per animation frame by showStatic. */
export const NODES_PER_FRAME = 60;

/**
 * Show a slot's static copy kept in <noscript> (the essay's: with JavaScript the browser holds it
 * as text). The text is parsed into an inert <template> (nothing in it runs or loads) and goes into
 * the page about NODES_PER_FRAME elements per animation frame (see appendInParts), so the style and
 * layout of the copy (some 10 ms all at once on a fast desktop) is spread over frames instead of
 * taking one frame of a scroll. The slot is rendered from then on, wherever it is (`data-shown`,
 * tryit.css): the copy takes its height as it goes in, where keepBelowInPlace looks after it,
 * rather than all at once when content-visibility would have rendered the slot, coming into view.
 * The markup is Svelte's own server render of the default state, made at build time; no reader
 * input is in it. Does nothing if it is shown already or the slot has none (an embed shows its
 * copy from the start).
 */
export function showStatic(slot: HTMLElement): void {
	const kept = slot.querySelector('.tryit-static > noscript');
	const box = kept?.parentElement;
	if (!kept || !box) return;
	slot.dataset.shown = '';
	const template = document.createElement('template');
	template.innerHTML = kept.textContent ?? '';
	kept.remove();
	appendInParts(box, template.content, NODES_PER_FRAME, (next) =>
		requestAnimationFrame(() => keepBelowInPlace(slot, next))
	);
}

/**
 * Run `change`, which makes `slot` taller or shorter at its bottom (its static copy going in
 * past the height kept for it, or the live copy replacing it), and when the slot began above the
 * window and ended above its bottom, the reader being on what comes after it, scroll by what its
 * lower edge moved: the text below stays put. Chromium's scroll anchoring does not always do it:
 * with the slot's last strip the first thing in view it follows the slot (or its chapter) and keeps
 * its top still, and during a wheel's scroll it sometimes left a change above the window alone; the
 * text below jumped by the change, some 240 to 300 px at 1280 px. Where the browser did keep the
 * text in place, the edge has not moved and this does nothing; where it does not anchor at all
 * (Safari), this does.
 */
export function keepBelowInPlace(slot: Element, change: () => void): void {
	const before = slot.getBoundingClientRect();
	change();
	if (!(before.top < 0 && before.bottom < window.innerHeight)) return;
	const moved = slot.getBoundingClientRect().bottom - before.bottom;
	if (moved !== 0) window.scrollBy(0, moved);
}

/**
 * Move the children of `from` into `into` over several calls of `schedule` (the first call
 * included), about `budget` elements each, keeping their order: a part larger than the budget goes
 * in as an empty copy of itself, its children after it. Stops if `into` leaves the document.
 */
export function appendInParts(
	into: Element,
	from: ParentNode,
	budget: number,
	schedule: (next: () => void) => void
): void {
	const queue: { parent: Node; node: Node }[] = [...from.childNodes].map((node) => ({
		parent: into,
		node
	}));
	const size = (node: Node) =>
		node.nodeType === 1 ? 1 + (node as Element).getElementsByTagName('*').length : 0;
	schedule(function next() {
		let left = budget;
		while (queue.length > 0 && into.isConnected && left > 0) {
			const { parent, node } = queue[0];
			const n = size(node);
			if (n > budget && node.firstChild) {
				// Too big for one frame: its shell now, its children next.
				queue.shift();
				const shell = node.cloneNode(false);
				parent.appendChild(shell);
				queue.unshift(...[...node.childNodes].map((child) => ({ parent: shell, node: child })));
				left -= 1;
				continue;
			}
			if (n > left && left < budget) break;
			queue.shift();
			parent.appendChild(node);
			left -= n;
		}
		if (queue.length > 0 && into.isConnected) schedule(next);
	});
}
