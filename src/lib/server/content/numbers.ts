// The numbers prose may cite with :num{of="…"}, all computed by the engine, never typed by hand.
import { countAttentionParameters, GPT3, GPT3_TOTAL_PARAMETERS } from '$lib/engine/index.ts';
import { formatApproximate } from '$lib/figures/scale-views.ts';

function values(): Record<string, number> {
	const counts = countAttentionParameters(GPT3);
	return {
		'gpt3.embeddingSize': GPT3.embeddingSize,
		'gpt3.keySize': GPT3.keySize,
		'gpt3.headsPerBlock': GPT3.headsPerBlock,
		'gpt3.layers': GPT3.layers,
		'gpt3.perMatrix': counts.perMatrix,
		'gpt3.perHead': counts.perHead,
		'gpt3.perBlock': counts.perBlock,
		'gpt3.total': counts.total,
		'gpt3.fullValueMatrix': counts.fullValueMatrix,
		'gpt3.modelTotal': GPT3_TOTAL_PARAMETERS,
		'gpt3.share': (100 * counts.total) / GPT3_TOTAL_PARAMETERS
	};
}

/** Every key :num accepts. */
export const NUMBER_KEYS = Object.keys(values());

/**
 * Format a named number: `exact` gives 6,291,456; `short` gives "6.3 million" (percentages are
 * always rounded to whole percent).
 */
export function formatNumber(key: string, format: string): string {
	const value = values()[key];
	if (value === undefined) throw new Error(`unknown number "${key}"`);
	if (key === 'gpt3.share') return `${Math.round(value)}%`;
	if (format === 'short') return shortNumber(value);
	return value.toLocaleString('en-US');
}

/**
 * 6,291,456 → "6.3 million"; 603,979,776 → "604 million"; 57,982,058,496 → "58 billion". The
 * figures' own rounding (formatApproximate), so the prose and the figure beside it always agree.
 */
export function shortNumber(value: number): string {
	return formatApproximate(value);
}
