// Brings a prerendered try-it to life: loads the live component when the reader comes near it (or
// at once), mounts it beside the static copy and removes that copy. Used by TryIt.svelte (embeds)
// and by the essay, whose chapters are static HTML that is never hydrated (Essay.svelte).
//
//   near the viewport, once scrolling pauses · focus · pointer · ?try=<chapter> · embed
//     ──import('./TryItLive.svelte')──▶ mount in .tryit-host ──▶ .tryit-static removed
//
// Mounting takes tens of milliseconds (the whole control panel and its grid), so coming near only
// schedules it for the next pause in scrolling (whenStill), out of the frames of a scroll that is
// animating the figure. Coming into view, a touch or focus on the static copy wake it at once.
import { mount, tick, unmount } from 'svelte';
import { whenStill } from '../scroll/still.ts';
import type { TryItProps } from './props.ts';
import { PARAM } from './state.ts';
import './tryit.css';

/**
 * Watch `slot` (a `.tryit-slot` holding `.tryit-static` and an empty `.tryit-host`) and make it
 * live when needed. Returns a cleanup function that stops watching and unmounts the live copy.
 */
export function attachTryIt(slot: HTMLElement, props: TryItProps): () => void {
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
		const { default: TryItLive } = await import('./TryItLive.svelte');
		if (stopped) return;
		// What the reader already did to the static copy: the text typed and the focused control.
		const input = slot.querySelector<HTMLInputElement>('.tryit-static input[type="text"]');
		const typed = input && input.value !== input.defaultValue ? input.value : null;
		const focused = slot.contains(document.activeElement) ? document.activeElement?.id : '';
		app = mount(TryItLive, { target: host!, props });
		slot.querySelector('.tryit-static')?.remove();
		await tick();
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
			if (app) unmount(app);
		};
	}
	// Come alive a screen or so before the reader reaches it, at the first pause in scrolling
	// there; at once if it comes into view first (its place is empty until then), or at the first
	// touch.
	let pending: (() => void) | null = null;
	const near = new IntersectionObserver(
		(entries) => {
			const isNear = entries.some((e) => e.isIntersecting);
			if (isNear && !pending) pending = whenStill(() => void wake());
			else if (!isNear && pending) {
				pending();
				pending = null;
			}
		},
		{ rootMargin: '100% 0px' }
	);
	const inView = new IntersectionObserver((entries) => {
		if (entries.some((e) => e.isIntersecting)) void wake();
	});
	near.observe(slot);
	inView.observe(slot);
	const events = ['focusin', 'pointerdown'] as const;
	events.forEach((e) => slot.addEventListener(e, wake, { once: true }));
	unwatch = () => {
		pending?.();
		near.disconnect();
		inView.disconnect();
		events.forEach((e) => slot.removeEventListener(e, wake));
	};
	return () => {
		stopped = true;
		unwatch();
		if (app) unmount(app);
	};
}
