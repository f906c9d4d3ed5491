// The published numbers behind each step (/data/…json): exactly what the step's figure draws.
import type { Chapter, Step } from '$lib/manifest';
import type { ToyModel } from '$lib/model/types';
import { computeStepData } from '$lib/model/step-data';

/**
 * The JSON document for one step. Matrices' rows follow `tokens`; rows are queries, columns keys.
 * In cross-attention a sentence has `source`, whose `tokens` the keys, values and columns follow.
 */
export function stepJson(model: ToyModel, chapter: Chapter, step: Step) {
	const data = computeStepData(model, chapter, step.id, step.state);
	return {
		chapter: chapter.slug,
		step: step.id,
		stage: step.state.stage,
		causal: step.state.causal,
		query: step.state.query,
		features: model.features,
		sentences: data.sentences.map((s) => ({
			text: s.text,
			tokens: s.tokens,
			embeddings: s.embeddings,
			queries: s.queries,
			keys: s.keys,
			values: s.values,
			scores: s.scores,
			scaled: s.scaled,
			weights: s.weights,
			deltas: s.deltas,
			updated: s.updated,
			...(s.source ? { source: { text: s.source.text, tokens: s.source.tokens } } : {})
		})),
		...(data.meanings ? { meanings: data.meanings } : {}),
		...(data.readout ? { readout: data.readout } : {}),
		...(data.prediction ? { prediction: data.prediction } : {})
	};
}
