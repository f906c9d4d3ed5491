// The interactive figure, loaded only when the reader starts to move: it replaces the prerendered one.
//
//   page load:   prerendered <figure> (static HTML, right state, no figure code shipped)
//   first move:  import('live.svelte.ts') ──mount(Figure)──▶ same markup, now live
//   step change: update(stepId) ──props──▶ Figure tweens to the new state
import { mount, unmount } from 'svelte';
import Figure from './Figure.svelte';
import { describeFigure } from './describe.ts';
import { figureProps, type FigureProps } from './props.ts';
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
 * Mount a live figure showing `stepId` into `target` (the page then drops its prerendered twin in
 * the same frame: the markup is the same, so the swap is invisible). Later updates animate.
 */
export function createLiveFigure(
	target: HTMLElement,
	essay: EssayData,
	stepId: string,
	reducedMotion: boolean
): LiveFigure {
	const props = $state(propsFor(essay, stepId, reducedMotion));
	const app = mount(Figure, { target, props });
	return {
		update(id, motion) {
			Object.assign(props, propsFor(essay, id, motion));
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
