// The interactive figure, loaded only when the reader starts to move: it replaces the prerendered one.
//
//   page load:   prerendered <figure> (static HTML, right state, no figure code shipped)
//   first move:  import('live.svelte.ts') ──mount(Figure)──▶ same markup, now live
//   step change: update(stepId) ──props──▶ Figure tweens to the new state
//   idle time:   every step's props computed, each kind of drawing mounted once out of sight (warm.ts)
import { flushSync, mount, unmount } from 'svelte';
import Figure from './Figure.svelte';
import { describeFigure } from './describe.ts';
import { figureProps, type FigureProps } from './props.ts';
import { sameData } from './tween.svelte.ts';
import { locate, stepOrder, type EssayData } from '../essay.ts';
import { devicePixels, neverSized, placeViewBox, sizeAhead } from './grid-cells.ts';
import { HEIGHT, WIDTH } from './layout.ts';
import { QUIET_MS } from '../scroll/still.ts';
import { browserIdle, runWhenIdle, warmUpSteps, type IdleSchedule } from './warm.ts';

/** A mounted, live figure. */
export interface LiveFigure {
	/** Show a step (tweening unless reduced motion is on). */
	update(stepId: string, reducedMotion: boolean): void;
	/** A plain-text description of what the figure shows now, for the live region. */
	describe(): string;
	/** Remove the figure. */
	destroy(): void;
}

function propsFor(essay: EssayData, stepId: string, reducedMotion: boolean): FigureProps {
	const found = locate(essay, stepId) ?? locate(essay, essay.chapters[0].steps[0].id)!;
	return figureProps(essay.model, found.chapter, found.step.id, found.step.state, reducedMotion);
}

/**
 * The figure's props, one signal each and never deeply proxied. A step change replaces only the
 * props that differ as data, so only the parts of the figure that read them update (a deep `$state`
 * would wrap every number of the step's data in a proxy, and notify every reader, on each change).
 */
class LiveProps implements FigureProps {
	stepId = $state.raw('');
	state = $state.raw() as FigureProps['state'];
	data = $state.raw() as FigureProps['data'];
	plane = $state.raw() as FigureProps['plane'];
	features = $state.raw([]) as string[];
	meaningLabels = $state.raw({}) as Record<string, string>;
	title = $state.raw('');
	reducedMotion = $state.raw(false);
	/** The grid's cells are painted into a canvas: tween frames redraw a bitmap, not elements. */
	readonly canvasCells = true;

	constructor(next: FigureProps) {
		this.set(next);
	}

	/** Take the new props, keeping the current value wherever the new one is equal to it. */
	set(next: FigureProps) {
		this.stepId = next.stepId;
		this.title = next.title;
		this.reducedMotion = next.reducedMotion;
		if (!sameData(this.state, next.state)) this.state = next.state;
		if (!sameData(this.data, next.data)) this.data = next.data;
		if (!sameData(this.plane, next.plane)) this.plane = next.plane;
		if (!sameData(this.features, next.features)) this.features = next.features;
		if (!sameData(this.meaningLabels, next.meaningLabels)) this.meaningLabels = next.meaningLabels;
	}
}

/**
 * Mount a live figure showing `stepId` into `target` (the page then drops its prerendered twin in
 * the same frame: the markup is the same, so the swap is invisible). Later updates animate.
 *
 * When the page is idle, it warms up (see warm.ts): it computes every step's props, so a step
 * change only looks them up, and mounts each kind of drawing once in a hidden box, so no step pays
 * for a component's first run. `target` gets `data-warm="done"` when that has finished. Pass
 * `idle: null` to skip it (browsers without requestIdleCallback skip it too).
 */
export function createLiveFigure(
	target: HTMLElement,
	essay: EssayData,
	stepId: string,
	reducedMotion: boolean,
	{
		idle = browserIdle(),
		alsoWarm = []
	}: {
		idle?: IdleSchedule | null;
		/** More idle-time jobs to run after the figure's own (e.g. tryit/attach.ts warmStatic). */
		alsoWarm?: (() => void)[];
	} = {}
): LiveFigure {
	/** Each step's props, computed once (with motion reduced; the flag is set per update). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache, never read reactively
	const cache = new Map<string, FigureProps>();
	const propsOf = (id: string, motion: boolean): FigureProps => {
		let props = cache.get(id);
		if (!props) {
			props = propsFor(essay, id, true);
			cache.set(id, props);
		}
		return props.reducedMotion === motion ? props : { ...props, reducedMotion: motion };
	};
	const props = new LiveProps(propsOf(stepId, reducedMotion));
	const app = mount(Figure, { target, props });
	const stopWarming = idle ? warmUp(target, essay, stepId, propsOf, idle, alsoWarm) : () => {};
	return {
		update(id, motion) {
			props.set(propsOf(id, motion));
		},
		describe() {
			return describeFigure(props.data, props.state, {
				features: props.features,
				plane: props.plane,
				meaningLabels: props.meaningLabels
			});
		},
		destroy() {
			stopWarming();
			unmount(app);
		}
	};
}

/** Warm the figure up in idle periods; returns a function that stops it. */
function warmUp(
	target: HTMLElement,
	essay: EssayData,
	shown: string,
	propsOf: (id: string, motion: boolean) => FigureProps,
	idle: IdleSchedule,
	alsoWarm: (() => void)[]
): () => void {
	// Out of sight but laid out, at the live figure's scale: the first layout of a kind of drawing
	// also makes the font sizes its text needs (SVG text is set at its size on screen, and on
	// Linux each new size asks the browser process how to render it), and that is paid here too.
	const box = document.createElement('div');
	box.setAttribute('aria-hidden', 'true');
	box.dataset.warmBox = '';
	box.style.cssText =
		'display:none;position:fixed;left:0;top:0;visibility:hidden;pointer-events:none;contain:strict;z-index:-1';
	const fit = () => {
		const svg = target.querySelector('svg')?.getBoundingClientRect();
		const unit = svg ? Math.min(svg.width / WIDTH, svg.height / HEIGHT) : 1;
		box.style.width = `${Math.round(WIDTH * unit)}px`;
		box.style.height = `${Math.round(HEIGHT * unit)}px`;
	};
	/** The figure mounted in the box, between a kind's two jobs. */
	let figure: ReturnType<typeof mount> | null = null;
	const drop = () => {
		if (figure) void unmount(figure);
		figure = null;
	};
	const jobs = [
		// Both canvases cover the viewBox in the figure's box, so they take one size: the one the
		// opening step drew at, or the box's. A canvas no step has drawn into yet gets it now.
		() => {
			const canvases = [
				...target.querySelectorAll<HTMLCanvasElement>(
					'canvas.fig-plane-canvas, canvas.fig-grid-canvas'
				)
			];
			const place = placeViewBox(target.querySelector('figure')?.getBoundingClientRect(), {
				width: WIDTH,
				height: HEIGHT
			});
			const size = canvases.find((c) => !neverSized(c)) ?? (place && devicePixels(place));
			if (size) for (const canvas of canvases) sizeAhead(canvas, size);
		},
		...stepOrder(essay).map((id) => () => void propsOf(id, true)),
		() => {
			fit();
			document.body.append(box);
		},
		// Two jobs a kind, so neither is long: mount it (not displayed, so no frame lays it out in
		// between), then lay it out and throw it away.
		...warmUpSteps(essay, [shown]).flatMap((id) => [
			() => {
				figure = mount(Figure, { target: box, props: { ...propsOf(id, true), canvasCells: true } });
				flushSync();
			},
			() => {
				box.style.display = 'block';
				void box.offsetHeight;
				box.style.display = 'none';
				drop();
			}
		]),
		() => box.remove(),
		...alsoWarm
	];
	// Never while the reader scrolls: as for a try-it's live copy (scroll/still.ts), the page must
	// have gone QUIET_MS without a scroll.
	let scrolledAt = -Infinity;
	const onScroll = () => (scrolledAt = performance.now());
	window.addEventListener('scroll', onScroll, { passive: true });
	const stop = runWhenIdle(jobs, idle, {
		wait: () => performance.now() - scrolledAt < QUIET_MS,
		done: () => {
			window.removeEventListener('scroll', onScroll);
			box.remove();
			target.dataset.warm = 'done';
		}
	});
	return () => {
		stop();
		window.removeEventListener('scroll', onScroll);
		drop();
		// This box, and any other job's left between its steps (tryit/attach.ts warmStatic).
		document.querySelectorAll('[data-warm-box]').forEach((b) => b.remove());
	};
}
