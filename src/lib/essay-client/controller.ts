// The essay in the browser: what makes the server-rendered page (Essay.svelte) follow the reader.
//
//   scroll ──createScroller──▶ active step ──▶ live figure (step.state → engine → <Figure>)
//                                   ├──▶ figure label, active prose, context-length slider
//                                   └──replaceState──▶ address bar (/chapter/step/)
//
// The page is static HTML that SvelteKit's client never starts or hydrates (`csr = false`): its
// start and the hydration of the whole page were most of the page's blocking time. This module,
// loaded by boot.ts at the end of the page, acts on that markup directly. It is small and loads no
// Svelte: the Svelte runtime comes with the first component it mounts, which is the live figure at
// the reader's first move (scroll, key, touch), a try-it as the reader nears it (tryit/attach.ts),
// the context-length slider or the embed dialog.
import { base } from '$lib/base';
import type { EssayData } from '$lib/essay';
import { locate, stepOrder, stepPath, stateName } from '$lib/essay';
import type { LiveFigure } from '$lib/figures/live.svelte';
import { PINNED, WIDE } from '$lib/scroll/pinned';
import { createScroller } from '$lib/scroll/scroller';
import { whenStill } from '$lib/scroll/still';
import { attachTryIt, warmStatic } from '$lib/tryit/attach';
import { onToolClick, type ToolStep } from '$lib/components/step-tools';
import { wireThemeToggles } from './theme';

/** A mounted Svelte component (typed loosely: `svelte` itself loads only when one is mounted). */
type App = Record<string, unknown>;

/**
 * Whether the browser keeps what the reader sees in place when content above it changes height
 * (scroll anchoring): it supports it and the page has not turned it off.
 */
export function scrollAnchoring(doc: Document = document): boolean {
	if (typeof CSS === 'undefined' || !CSS.supports('overflow-anchor', 'auto')) return false;
	const off = (el: Element | null) => !!el && getComputedStyle(el).overflowAnchor === 'none';
	return !off(doc.documentElement) && !off(doc.body);
}

/**
 * How long a step must stay active before the live region says what the figure shows: a step
 * scrolled past within ANNOUNCE_MS is not announced, so fast scrolling does not queue speech.
 */
export const ANNOUNCE_MS = 400;

/**
 * Scrolling writes the active step's URL once the reader has stopped scrolling for ADDRESS_MS
 * (whenStill), at an idle moment between frames (at most ADDRESS_IDLE_MS later). Each history
 * write is main-thread time between the frames of a scroll that is animating the figure: a steady
 * scroll through the essay used to make 22 of them (32 at 4× CPU throttling, 93 ms in all), and
 * makes none now. A reader who pauses, to read or to share, has the step's address by then.
 */
export const ADDRESS_MS = 250;
export const ADDRESS_IDLE_MS = 1000;

/**
 * Start the essay on its server-rendered page: `root` is the element holding it (the masthead,
 * the figure pane and the chapters), `initialStep` the step a step URL opened at (null on `/`).
 * Returns a function that stops everything it started.
 */
export function startEssay(root: ParentNode, essay: EssayData, initialStep: string | null) {
	const order = stepOrder(essay);
	const firstStep = order[0];
	const stepIndex = (id: string) => order.indexOf(id);
	const chaptersEl = root.querySelector<HTMLElement>('.chapters');
	const host = root.querySelector<HTMLElement>('.figure-live');
	const labelParts = root.querySelectorAll<HTMLElement>('.figure-label > span');
	const announcer = root.querySelector<HTMLElement>('[aria-live="polite"].visually-hidden');
	const main = root.querySelector<HTMLElement>('main') ?? document.body;

	/** The step the prerendered figure shows. */
	const prerendered = initialStep ?? firstStep;
	let activeId = initialStep ?? firstStep;
	/**
	 * Whether the browser anchors scrolling here (see scrollAnchoring): read when first needed, at
	 * the reader's first move, not while the page loads (it reads computed style).
	 */
	let anchors: boolean | undefined;
	const anchoring = () => (anchors ??= scrollAnchoring());
	let reducedMotion = false;
	let live: LiveFigure | null = null;
	let loading = false;
	let stopped = false;

	// What the figure, the label, the prose and the slider show: `render` redoes only what the
	// active step (or the motion setting, or the figure's arrival) changed. At first, the server's
	// markup: the prerendered step, labelled and marked active, and no live figure.
	let shown = {
		id: prerendered,
		motion: false,
		figure: null as LiveFigure | null,
		marked: prerendered
	};
	let announceTimer: ReturnType<typeof setTimeout> | undefined;
	let markFrame = 0;
	let queued = false;

	/** Bring the page in line with the active step, once per task however often it changes. */
	function schedule() {
		if (queued || stopped) return;
		queued = true;
		queueMicrotask(() => {
			queued = false;
			if (!stopped) render();
		});
	}

	function render() {
		const located = locate(essay, activeId) ?? locate(essay, firstStep)!;
		const figureChanged =
			shown.id !== activeId || shown.motion !== reducedMotion || shown.figure !== live;
		if (figureChanged && live) {
			const figure = live;
			figure.update(activeId, reducedMotion);
			// Described when announced, not in the frame that draws the new state: a step scrolled
			// past never pays for its description.
			clearTimeout(announceTimer);
			announceTimer = setTimeout(() => {
				if (announcer) announcer.textContent = figure.describe();
			}, ANNOUNCE_MS);
		}
		if (shown.id !== activeId && labelParts.length === 2) {
			labelParts[0].textContent = located.chapter.title;
			labelParts[1].textContent = stateName(located.step.state);
		}
		if (shown.marked !== located.step.id) markActive(located.step.id);
		if (shown.id !== activeId || shown.figure !== live) placeControls();
		shown = { id: activeId, motion: reducedMotion, figure: live, marked: located.step.id };
	}

	function setActive(id: string) {
		activeId = id;
		schedule();
	}

	/** The articles marked active: the server's mark at first, then the one markActive set. */
	let marked: Element[] = chaptersEl ? [...chaptersEl.querySelectorAll('article.step.active')] : [];
	/**
	 * The active step's article is marked (essay.css draws a rule in its margin on wide screens).
	 * The mark moves two frames after the step changes, out of the frame that draws the figure's
	 * new state: its restyle and repaint are small since the mark stopped recolouring the prose,
	 * but any work in that frame is work the figure's frame has to share.
	 */
	function markActive(id: string) {
		cancelAnimationFrame(markFrame);
		// By id, not by a selector over the chapters: a step change looks up one element, not
		// thousands (the prose's math included).
		const el = document.getElementById(id);
		if (!el || !el.matches('article.step') || !chaptersEl?.contains(el)) return;
		if (el.classList.contains('active')) return;
		markFrame = requestAnimationFrame(() => {
			markFrame = requestAnimationFrame(() => {
				for (const other of marked) if (other !== el) other.classList.remove('active');
				el.classList.add('active');
				marked = [el];
			});
		});
	}

	/** Load the live figure (once), replacing the prerendered one. */
	function wake() {
		layOutLater();
		if (loading || !host || stopped) return;
		loading = true;
		import('$lib/figures/live.svelte')
			// Mount in a task of its own, not in the one that evaluated the code: two short tasks
			// instead of one long one, so a scroll in between still gets its frame.
			.then((m) => new Promise<typeof m>((done) => setTimeout(() => done(m))))
			.then((m) => {
				if (stopped) return;
				// The first try-it is laid out once out of sight while warming up (its fonts).
				const slot = chaptersEl?.querySelector<HTMLElement>('.tryit-slot');
				live = m.createLiveFigure(host, essay, activeId, reducedMotion, {
					alsoWarm: slot ? warmStatic(slot) : []
				});
				// The live figure has the same markup as the prerendered one: the swap is invisible.
				root.querySelector('.figure-static')?.remove();
				render();
			});
	}

	/**
	 * The live context-length slider, in its step while that step or a neighbour is active and the
	 * figure is live; elsewhere the static view stands in.
	 */
	const controls = new Map<HTMLElement, App | 'loading'>();
	/** The server's slots for the slider, with their steps' places: found once, not per step. */
	const controlSlots = chaptersEl
		? [...chaptersEl.querySelectorAll<HTMLElement>('.context-control')].map((slot) => ({
				slot,
				index: stepIndex(slot.closest('article')?.id ?? '')
			}))
		: [];
	/**
	 * Where the browser does not anchor scrolling (Safari; or a page that turns it off), the
	 * slider's slot growing or shrinking above the step being read (mounted as the reader comes
	 * back up to its step, taken away as they read on) would move that step by the slider's whole
	 * height, about 500 px on a phone. Its change in height is then scrolled away by hand, as the
	 * browser's own anchoring would: for the slider coming and going, in the same task as the
	 * change (fillSlot), and for any later change of its height, when the observer reports it.
	 */
	const slotHeights = new WeakMap<Element, number>();
	let slotWatch: ResizeObserver | null = null;
	/** Starts watching the slots, once, where the browser does not anchor scrolling. */
	function watchSlots() {
		if (slotWatch || anchoring() || typeof ResizeObserver === 'undefined') return;
		slotWatch = new ResizeObserver((entries) => {
			for (const entry of entries) {
				const slot = entry.target as HTMLElement;
				const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
				const before = slotHeights.get(slot) ?? height;
				slotHeights.set(slot, height);
				// Only a slot above the step being read moves it.
				const reading = document.getElementById(activeId);
				if (
					height !== before &&
					reading &&
					!reading.contains(slot) &&
					slot.getBoundingClientRect().top < reading.getBoundingClientRect().top
				) {
					window.scrollBy(0, height - before);
				}
			}
		});
		for (const { slot } of controlSlots) {
			// Its height now, before a slider that is on its way fills it.
			slotHeights.set(slot, slot.getBoundingClientRect().height);
			slotWatch.observe(slot);
		}
	}

	function placeControls() {
		if (!live) return;
		watchSlots();
		const at = stepIndex(activeId);
		for (const { slot, index } of controlSlots) {
			const near = Math.abs(index - at) <= 1;
			const app = controls.get(slot);
			if (near && !app) {
				controls.set(slot, 'loading');
				void Promise.all([
					import('svelte'),
					import('$lib/figures/ContextLengthControl.svelte')
				]).then(([{ mount, flushSync }, { default: Control }]) => {
					// Still wanted: not taken away while it loaded.
					if (controls.get(slot) !== 'loading' || stopped) return;
					const props = { causal: slot.dataset.causal === 'true' };
					fillSlot(slot, () => {
						controls.set(slot, mount(Control, { target: slot, props }));
						// Its markup comes once it has mounted (onMount): now, not in a microtask.
						flushSync();
					});
				});
			} else if (!near && app) {
				if (app !== 'loading')
					void import('svelte').then(({ unmount }) =>
						// Stopped meanwhile: taken away, with no scrolling of a page no longer followed.
						stopped ? unmount(app) : fillSlot(slot, () => void unmount(app))
					);
				controls.delete(slot);
			}
		}
	}

	/**
	 * Fills or empties a slider's slot and, where the browser does not anchor scrolling, scrolls
	 * its change in height away at once. Left to the observer, whose report comes with the next
	 * frame, the step would sit a slider's height out of place until then, and a task in between
	 * (the scroll's pause, catchUp) would find another step at the line and make it the active one,
	 * the step the slot is in, which the observer then leaves where it is.
	 */
	function fillSlot(slot: HTMLElement, change: () => void) {
		keepInPlace(change);
		// Already scrolled away: the observer's next report is no change.
		if (slotWatch) slotHeights.set(slot, slot.getBoundingClientRect().height);
	}

	async function unmountApp(app: App) {
		const { unmount } = await import('svelte');
		await unmount(app);
	}

	/** The embed dialog, loaded on first use (it is not needed to read the essay). */
	let dialog: App | null = null;
	let opener: HTMLButtonElement | null = null;
	async function openDialog(step: ToolStep, button: HTMLButtonElement) {
		opener = button;
		const [{ mount, unmount }, { default: Dialog }] = await Promise.all([
			import('svelte'),
			import('$lib/components/EmbedDialog.svelte')
		]);
		if (stopped) return;
		if (dialog) void unmount(dialog);
		const close = () => {
			if (dialog) void unmount(dialog);
			dialog = null;
			opener?.focus({ preventScroll: true });
		};
		dialog = mount(Dialog, { target: main, props: { ...step, essay, onclose: close } });
	}

	/** Offset line for the scroller: lower on phones, where the figure is pinned above the prose. */
	const offset = () => (matchMedia(WIDE).matches ? 0.55 : 0.78);

	/**
	 * Prose not yet laid out has an estimated height (essay.css). Lay out all of it above `el` and
	 * in it, so `el` lands where it should and nothing above it changes size later, and the prose of
	 * the next two screens below it, so nothing in view moves when that renders.
	 */
	function layOutUpTo(el: HTMLElement) {
		let top: number | null = null;
		for (const block of document.querySelectorAll<HTMLElement>('.chapter .prose')) {
			const after =
				!(block.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) &&
				!el.contains(block);
			if (after) {
				top ??= el.getBoundingClientRect().top;
				if (block.getBoundingClientRect().top > top + 2 * window.innerHeight) break;
			}
			block.classList.add('laid-out');
		}
	}

	/**
	 * Makes a change to the page above what the reader is reading (prose laid out late) and, where
	 * the browser does not anchor scrolling (Safari), scrolls by what it moved the step being read,
	 * so nothing on screen moves. The browser's anchoring does the same everywhere else.
	 */
	function keepInPlace(change: () => void) {
		const reading = anchoring() ? null : document.getElementById(activeId);
		const before = reading?.getBoundingClientRect().top;
		change();
		if (!reading || before === undefined) return;
		const moved = reading.getBoundingClientRect().top - before;
		if (moved !== 0) window.scrollBy(0, moved);
	}

	/**
	 * On a step URL the page's inline script lays out only the prose just above its step
	 * (scroll/pinned.ts, openAtStep). The rest above is laid out here, nearest first, one block
	 * in each idle period, so a reader who scrolls back up meets no prose that changes height as it
	 * comes into view. The browser's scroll anchoring keeps what is on screen in place while the
	 * blocks above it take their real heights. Each block is laid out in the frame after its idle
	 * period, with the frame's own layout: a layout forced in the idle callback would be measured
	 * as the page shifting, though nothing on screen moves. Returns a function that stops it.
	 */
	function layOutAbove(el: HTMLElement): () => void {
		const blocks = [...document.querySelectorAll<HTMLElement>('.chapter .prose')]
			.filter(
				(block) =>
					block.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
					!block.classList.contains('laid-out')
			)
			.reverse();
		// Where there is no requestIdleCallback, a timer does.
		const ric = 'requestIdleCallback' in window;
		let idle = 0;
		let frame = 0;
		const next = () => {
			if (blocks.length > 0)
				idle = ric ? window.requestIdleCallback(work) : window.setTimeout(work, 50);
		};
		const work = () => {
			const block = blocks.shift()!;
			keepInPlace(() => block.classList.add('laid-out'));
			frame = requestAnimationFrame(() => (frame = requestAnimationFrame(next)));
		};
		next();
		return () => {
			cancelAnimationFrame(frame);
			if (ric) window.cancelIdleCallback(idle);
			else clearTimeout(idle);
		};
	}

	/** The scroller's offset line, as a fraction of the viewport's height (set when it starts). */
	let lineAt = 0.55;

	/**
	 * Whether a step spans the scroller's offset line (give or take a quarter of the viewport, what
	 * a fast scroll moves between the scroller's measuring and its report). The scroller re-reports
	 * a step whose height changed (prose laid out above or below it), and such a report can arrive
	 * frames later, after a key has moved on (J then K, quickly): a step far from the line is not
	 * the one being read.
	 */
	function atLine(id: string): boolean {
		const box = document.getElementById(id)?.getBoundingClientRect();
		if (!box) return false;
		const line = lineAt * window.innerHeight;
		const slack = window.innerHeight / 4;
		return box.top - slack <= line && box.bottom + slack >= line;
	}

	/**
	 * The step being read at the scroller's offset line: the last one whose top has passed it, as a
	 * steady scroll down leaves it; null above the first step.
	 */
	function stepAtLine(): string | null {
		const line = lineAt * window.innerHeight;
		let found: string | null = null;
		for (const id of order) {
			const el = document.getElementById(id);
			if (!el) continue;
			if (el.getBoundingClientRect().top > line) break;
			found = id;
		}
		return found;
	}

	/**
	 * When a scroll pauses, make sure the figure shows the step at the line. The scroller reports a
	 * step as it crosses the line, and a jump (a chapter link, the scrollbar dragged, Home or End,
	 * find in page) can carry steps past it between two frames without one crossing it: the figure
	 * would stay on the step before the jump. The step kept is the one a steady scroll down to the
	 * same place would show; nothing changes while the active step is still at the line (give or
	 * take a quarter of the viewport, see atLine). Scrolling up, that makes a pause in the room
	 * above the active step, more than that quarter above it, show the step above a little before
	 * the scroller would (when the step above's end reaches the line): a place shows one step,
	 * whichever way the reader came to it.
	 */
	let catchUpPending: (() => void) | null = null;
	function catchUp() {
		catchUpPending = null;
		if (!stopped) placePane();
		if (stopped || heading || atLine(activeId)) return;
		const id = stepAtLine();
		if ((id ?? firstStep) === activeId) return;
		setActive(id ?? firstStep);
		setAddress(id);
	}
	const onAnyScroll = () => {
		catchUpPending ??= whenStill(catchUp);
	};

	/**
	 * Between two chapters, from a chapter's try-it to the next chapter's first step (the try-it,
	 * then the next chapter's heading and opening), the figure pane steps aside (`between`): the
	 * step it would show is the chapter before's last, which is not what the reader is reading, and
	 * on a phone it would hold half the screen over the try-it's own figure. Each gap runs from a
	 * try-it's top at the scroller's line to the next chapter's first step's top at the line; after
	 * the last chapter's try-it, to the end.
	 */
	const pane = root.querySelector<HTMLElement>('.figure-pane');
	const gaps = essay.chapters.flatMap((chapter, i) => {
		const end = chaptersEl?.querySelector<HTMLElement>(
			`.tryit-slot[data-chapter="${chapter.slug}"]`
		);
		const after = essay.chapters[i + 1]?.steps[0]?.id;
		return end ? [{ end, next: after ? document.getElementById(after) : null }] : [];
	});
	let between = false;
	/** Whether the scroller's line is in a gap between chapters (a few boxes read, in order). */
	function gapAtLine(): boolean {
		const line = lineAt * window.innerHeight;
		for (const { end, next } of gaps) {
			if (end.getBoundingClientRect().top > line) return false;
			if (!next || next.getBoundingClientRect().top > line) return true;
		}
		return false;
	}
	/** Shows or hides the pane for where the line is; a key's scroll shows its step throughout. */
	function placePane() {
		const now = heading ? false : gapAtLine();
		if (now === between || !pane) return;
		between = now;
		pane.classList.toggle('between', now);
	}

	/** Where the window must scroll to for `el` to sit at the pinned line (as far as it can go). */
	function stepTarget(el: HTMLElement): number {
		const top = el.getBoundingClientRect().top + window.scrollY;
		const pinned = matchMedia(WIDE).matches ? PINNED.wide : PINNED.narrow;
		const end = document.documentElement.scrollHeight - window.innerHeight;
		return Math.max(0, Math.min(end, top - pinned * window.innerHeight));
	}

	/** Scroll so a step's start sits just under the pinned figure (phones) or near the top. */
	function scrollToStep(el: HTMLElement, behavior: ScrollBehavior) {
		layOutUpTo(el);
		window.scrollTo({ top: stepTarget(el), behavior });
	}

	/**
	 * The step a key press is scrolling to. Until the scroll settles, the scroller's reports of the
	 * steps it passes are ignored, so quick presses count from where the reader is heading.
	 */
	let heading: string | null = null;
	let headingTimer: ReturnType<typeof setTimeout> | undefined;
	/** Scrolls that have gone again to a key's step, since the key (see `arrived`). */
	let reaims = 0;
	/**
	 * The reader scrolling by hand during a key's scroll (wheel, touch, or a key that scrolls the
	 * page): the key's step is no longer the aim. Listened for only while a key's scroll runs.
	 */
	const readerScrolls = ['wheel', 'touchstart'] as const;
	const scrollKeys = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);
	const onReaderKey = (event: KeyboardEvent) => {
		if (scrollKeys.has(event.key)) settle();
	};
	function steer() {
		readerScrolls.forEach((e) => window.addEventListener(e, settle, { passive: true }));
		window.addEventListener('keydown', onReaderKey);
	}
	function settle() {
		const was = heading;
		heading = null;
		if (was && !stopped) placePane();
		reaims = 0;
		clearTimeout(headingTimer);
		readerScrolls.forEach((e) => window.removeEventListener(e, settle));
		window.removeEventListener('keydown', onReaderKey);
	}

	/**
	 * A key's scroll has ended. Content above the step can change height while the page scrolls
	 * (a context-length slider mounts or unmounts as its step comes near or goes, prose is laid
	 * out), and a smooth scroll keeps going to where the step was when it began. So if the step is
	 * not where it should be, scroll to it again (twice at most), then stop steering.
	 */
	function arrived() {
		const el = heading ? document.getElementById(heading) : null;
		if (el && reaims < 2 && Math.abs(stepTarget(el) - window.scrollY) > 4) {
			reaims += 1;
			clearTimeout(headingTimer);
			headingTimer = setTimeout(arrived, 1500);
			scrollToStep(el, reducedMotion ? 'instant' : 'smooth');
			return;
		}
		settle();
	}

	/** J / K (or N / P) move to the next / previous step; ignored while typing in a field. */
	function onKey(event: KeyboardEvent) {
		if (moveBy(keyDelta(event))) event.preventDefault();
	}

	/** Go `delta` steps on (or back), stopping at the first and last; false if that goes nowhere. */
	function moveBy(delta: number): boolean {
		if (!delta) return false;
		const from = stepIndex(heading ?? activeId);
		const next = order[Math.min(order.length - 1, Math.max(0, from + delta))];
		const el = next === order[from] ? null : document.getElementById(next);
		if (!el) return false;
		heading = next;
		placePane();
		reaims = 0;
		clearTimeout(headingTimer);
		headingTimer = setTimeout(arrived, 1500);
		steer();
		setActive(next);
		setAddress(next, true);
		scrollToStep(el, reducedMotion ? 'instant' : 'smooth');
		el.focus({ preventScroll: true });
		return true;
	}

	/** Put a step's URL in the address bar (null: the essay's own); see ADDRESS_MS. */
	let addressStill: (() => void) | undefined;
	let addressIdle: number | undefined;
	function cancelAddress() {
		addressStill?.();
		addressStill = undefined;
		if (addressIdle !== undefined) window.cancelIdleCallback?.(addressIdle);
		addressIdle = undefined;
	}
	function setAddress(id: string | null, now = false) {
		cancelAddress();
		// A write that waits gives way to any made meanwhile by something else: a try-it putting the
		// reader's sentence in the address, a link to a chapter. The newer address stays.
		const asked = location.href;
		const write = () => {
			if (!now && location.href !== asked) return;
			const located = id ? locate(essay, id) : undefined;
			const path = located ? stepPath(located.chapter.slug, id!) : '/';
			const url = `${base}${path}`;
			if (location.pathname !== url) history.replaceState(history.state, '', url);
		};
		if (now) write();
		else
			addressStill = whenStill(
				() => {
					addressStill = undefined;
					if (!window.requestIdleCallback) return write();
					addressIdle = window.requestIdleCallback(write, { timeout: ADDRESS_IDLE_MS });
				},
				{ quietMs: ADDRESS_MS }
			);
	}

	// ── Start ──────────────────────────────────────────────────────────────────────────────────
	const media = matchMedia('(prefers-reduced-motion: reduce)');
	reducedMotion = media.matches;
	const onMotion = () => {
		reducedMotion = media.matches;
		schedule();
	};
	media.addEventListener('change', onMotion);
	const unwireThemes = wireThemeToggles(root);

	const target = location.hash ? decodeURIComponent(location.hash.slice(1)) : initialStep;
	const found = target ? document.getElementById(target) : null;
	const opened = found && target && locate(essay, target) ? found : null;
	/**
	 * How far the reader has scrolled, to tell their first scroll from the page settling: where
	 * the step the page opened at sits in the window (scroll anchoring keeps it there while the
	 * prose above it is laid out), or the scroll position on `/`.
	 */
	const scrolled = () => (opened ? -opened.getBoundingClientRect().top : window.scrollY);
	let startY = scrolled();
	let stopLayingOut = () => {};
	/**
	 * On a step URL, lays out the prose above the step (layOutAbove) at the reader's first move,
	 * when the figure wakes: before it the page does nothing, and a reader can only go up by
	 * moving.
	 */
	let layOutLater = () => {};
	if (opened && target) {
		activeId = target;
		if (location.hash) {
			// Lay out the prose up to the step in one frame (still at the top: nothing in view moves)
			// and jump in the next, so the jump does not count as the page shifting.
			layOutUpTo(opened);
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					// Unless a key pressed while loading has already moved on from it.
					if (!heading && !stopped) scrollToStep(opened, 'instant');
					startY = scrolled();
				})
			);
		} else {
			// A step URL's page has already scrolled to its step while parsing (openAtStep).
			layOutLater = () => {
				layOutLater = () => {};
				stopLayingOut = layOutAbove(opened);
			};
		}
		if (target !== prerendered) wake();
	}
	render();

	// The first real move wakes the figure: a scroll away from where the page opened, a key, a
	// touch, the mouse moving over the page. (A reader who moves the mouse is about to read on: the
	// figure then warms up while they read, before their first scroll.)
	// The try-its wait for it too, before coming alive at a pause (tryit/attach.ts).
	let movedNow = () => {};
	const moved = new Promise<void>((resolve) => (movedNow = resolve));
	const onMove = () => {
		movedNow();
		wake();
	};
	const onScroll = () => {
		if (Math.abs(scrolled() - startY) <= 24) return;
		window.removeEventListener('scroll', onScroll);
		onMove();
	};
	const events = ['keydown', 'pointerdown', 'pointermove', 'touchstart'] as const;
	window.addEventListener('scroll', onScroll, { passive: true });
	events.forEach((e) => window.addEventListener(e, onMove, { passive: true, once: true }));
	window.addEventListener('keydown', onKey);

	// Printing shows every step's static figure. The lazy ones are left to the browser: Chromium
	// loads them and holds the print until they arrive. Switched to eager in `beforeprint`, they
	// loaded outside that, and Chromium printed before some of them had (2 prints in 32). Safari
	// is reported not to load lazy images for print: there, a figure the reader never came near
	// may be left out, as it may with the switch, which the print did not wait for either.
	window.addEventListener('scrollend', arrived);

	// One handler for every step's toolbar (the links and buttons in it have their own keys).
	const onClick = (event: MouseEvent) => onToolClick(event, openDialog);
	chaptersEl?.addEventListener('click', onClick);

	// The step watcher and the try-its' watchers start in a task of their own: the start is then
	// two short tasks, not one long one (scrollama observes every step).
	let stopScroller = () => {};
	let stopGaps = () => {};
	let tryits: (() => void)[] = [];
	const watch = setTimeout(() => {
		// Each chapter's try-it comes alive as the reader nears it.
		tryits = essay.chapters.flatMap((chapter) => {
			const slot = chaptersEl?.querySelector<HTMLElement>(
				`.tryit-slot[data-chapter="${chapter.slug}"]`
			);
			return slot ? [attachTryIt(slot, { chapter, model: essay.model }, moved)] : [];
		});
		lineAt = offset();
		stopScroller = createScroller({
			selector: '.step',
			offset: lineAt,
			onStep: (id, direction) => {
				placePane();
				if (heading || !atLine(id)) return;
				setActive(id);
				if (direction === 'up' && id === firstStep) return;
				setAddress(id);
			},
			onLeave: (id, direction) => {
				placePane();
				if (direction === 'up' && id === firstStep) setAddress(null);
			}
		});
		// The try-its crossing the line start and end the gaps between chapters (placePane), and a
		// resize that moves the page under the line without a scroll.
		const stopTries = createScroller({
			selector: '.tryit-slot',
			offset: lineAt,
			onStep: placePane,
			onLeave: placePane
		});
		window.addEventListener('resize', placePane);
		stopGaps = () => {
			stopTries();
			window.removeEventListener('resize', placePane);
		};
		// Opened scrolled down with no step to open at (a chapter's #fragment, or the browser
		// putting back where the reader was): the step a scroll down to here would show, not the
		// first, so J and K count from here. The scroller reports only a step at its line, and the
		// line may be between two (a chapter's opening).
		if (!opened && !heading) {
			const here = stepAtLine();
			if (here && here !== activeId) setActive(here);
			// The prerendered figure is the first step's: the live one shows this one now.
			if (here && here !== prerendered) wake();
		}
		placePane();
		window.addEventListener('scroll', onAnyScroll, { passive: true });
		// The page's scripts are running and wired: actions that need them (the embed button) can be
		// used.
		document.documentElement.dataset.essay = 'live';
	});

	// Keys pressed while the page was still loading (app.html kept them) take effect now.
	const kept = window as { __earlyKeys?: KeyboardEvent[] | null };
	const early = kept.__earlyKeys ?? [];
	kept.__earlyKeys = null;
	const moves = early.map(keyDelta).filter(Boolean);
	const delta = moves.reduce((sum, move) => sum + move, 0);
	// Any of them wakes the figure, like a key pressed later (even J then K, which go nowhere).
	if (moves.length > 0) onMove();
	// In a task of their own, after the start: focus moved while it starts does not stay on the step.
	const replay = delta ? setTimeout(() => moveBy(delta)) : undefined;

	return () => {
		stopped = true;
		stopLayingOut();
		delete document.documentElement.dataset.essay;
		clearTimeout(watch);
		clearTimeout(replay);
		clearTimeout(announceTimer);
		cancelAnimationFrame(markFrame);
		stopScroller();
		stopGaps();
		pane?.classList.remove('between');
		window.removeEventListener('scroll', onAnyScroll);
		catchUpPending?.();
		chaptersEl?.removeEventListener('click', onClick);
		tryits.forEach((detach) => detach());
		for (const app of controls.values()) if (app !== 'loading') void unmountApp(app);
		controls.clear();
		slotWatch?.disconnect();
		if (dialog) void unmountApp(dialog);
		live?.destroy();
		unwireThemes();
		window.removeEventListener('scroll', onScroll);
		window.removeEventListener('keydown', onKey);
		window.removeEventListener('scrollend', arrived);
		settle();
		cancelAddress();
		events.forEach((e) => window.removeEventListener(e, onMove));
		media.removeEventListener('change', onMotion);
	};
}

/**
 * How many steps a key press moves: j / n one on, k / p one back; none with a modifier, while
 * typing in a field, or for any other key.
 */
export function keyDelta(event: KeyboardEvent): number {
	if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return 0;
	const target = event.target as HTMLElement | null;
	if (target?.closest?.('input, textarea, select, [contenteditable], dialog')) return 0;
	const key = event.key.toLowerCase();
	return key === 'j' || key === 'n' ? 1 : key === 'k' || key === 'p' ? -1 : 0;
}
