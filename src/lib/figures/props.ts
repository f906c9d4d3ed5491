// The props a step's figure is drawn with, computed the same way on the server and in the browser.
import { planeOf, type FigureState, type Plane } from '../manifest.ts';
import type { ChapterInfo } from '../essay.ts';
import type { ToyModel } from '../model/types.ts';
import { computeStepData, type StepData } from '../model/step-data.ts';
import { stateName } from '../essay.ts';

/** Everything Figure.svelte needs for one step. */
export interface FigureProps {
	stepId: string;
	state: FigureState;
	data: StepData;
	plane: Plane;
	features: string[];
	meaningLabels: Record<string, string>;
	title: string;
	reducedMotion: boolean;
}

/**
 * Props for a step's figure: its state, the engine's numbers for it, the plane and labels.
 * @param chapter the step's chapter (its slug, title, sentences and planes)
 */
export function figureProps(
	model: ToyModel,
	chapter: Pick<ChapterInfo, 'slug' | 'title' | 'sentences' | 'planes'>,
	stepId: string,
	state: FigureState,
	reducedMotion = true
): FigureProps {
	return {
		stepId,
		state,
		data: computeStepData(model, chapter, stepId, state),
		plane: planeOf(chapter, state),
		features: model.features,
		meaningLabels: Object.fromEntries(Object.entries(model.meanings).map(([k, m]) => [k, m.label])),
		title: `${chapter.title}: ${stateName(state)}`,
		reducedMotion
	};
}
