// The interactive figure, loaded only when the reader starts to move: it replaces the prerendered one.
//
//   page load:   prerendered <figure> (static HTML, right state, no figure code shipped)
//   first move:  import('live.svelte.ts') ──mount(Figure)──▶ same markup, now live
//   step change: update(stepId) ──props──▶ Figure tweens to the new state
import { mount, unmount } from 'svelte';
import Figure from './Figure.svelte';
import { describeFigure } from './describe.ts';
import { figureProps, type FigureProps } from './props.ts';
import { sameData } from './tween.svelte.ts';
import { locate, type EssayData } from '../essay.ts';

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
 */
export function createLiveFigure(
	target: HTMLElement,
	essay: EssayData,
	stepId: string,
	reducedMotion: boolean
): LiveFigure {
	const props = new LiveProps(propsFor(essay, stepId, reducedMotion));
	const app = mount(Figure, { target, props });
	return {
		update(id, motion) {
			props.set(propsFor(essay, id, motion));
		},
		describe() {
			return describeFigure(props.data, props.state, {
				features: props.features,
				plane: props.plane,
				meaningLabels: props.meaningLabels
			});
		},
		destroy() {
			unmount(app);
		}
	};
}
