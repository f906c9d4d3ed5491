// The numbers prose may cite with :num{of="…"}, all computed by the engine, never typed by hand.
import { countAttentionParameters, GPT3, GPT3_TOTAL_PARAMETERS } from '$lib/engine/index.ts';

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

/** 6,291,456 → "6.3 million"; 603,979,776 → "604 million"; 57,982,058,496 → "58 billion". */
export function shortNumber(value: number): string {
	const units: [number, string][] = [
		[1e12, 'trillion'],
		[1e9, 'billion'],
		[1e6, 'million'],
		[1e3, 'thousand']
	];
	for (const [k, [size, name]] of units.entries()) {
		if (value >= size) {
			const mantissa = value / size;
			const digits = mantissa >= 100 ? 3 : 2;
			const rounded = Number(mantissa.toPrecision(digits));
			// 999,999 rounds to 1,000 thousand: that is "1 million".
			if (rounded >= 1000 && k > 0) return `1 ${units[k - 1][1]}`;
			const text = new Intl.NumberFormat('en-US', { maximumSignificantDigits: digits }).format(
				mantissa
			);
			return `${text} ${name}`;
		}
	}
	return value.toLocaleString('en-US');
}
