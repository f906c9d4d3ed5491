// Number formatting for figures: true minus signs, percentages and compact feature lists.

/** The typographic minus sign (U+2212), the width of a digit in tabular figures. */
export const MINUS = '\u2212';

/** Replaces ASCII hyphen-minus signs in a formatted number with U+2212. */
function typographic(text: string): string {
	return text.replace(/-/g, MINUS);
}

/**
 * A number with a fixed count of decimals and a true minus sign. Values that round to zero print
 * without a sign; −Infinity prints as −∞.
 */
export function formatNumber(value: number, decimals = 2): string {
	if (value === -Infinity) return `${MINUS}∞`;
	if (value === Infinity) return '∞';
	if (Number.isNaN(value)) return '–';
	const text = value.toFixed(decimals);
	return Number(text) === 0 ? (0).toFixed(decimals) : typographic(text);
}

/**
 * A score for a grid cell: as many decimals as fit in a cell of `room` characters
 * (at least 4: "−9.9"), dropping decimals for large magnitudes.
 */
export function formatScore(value: number, room = 5): string {
	if (!Number.isFinite(value)) return formatNumber(value);
	const magnitude = Math.abs(value);
	const intDigits = magnitude < 1 ? 1 : Math.floor(Math.log10(magnitude)) + 1;
	const sign = value < 0 ? 1 : 0;
	const decimals = Math.max(0, Math.min(2, room - intDigits - sign - 1));
	return formatNumber(value, intDigits + sign >= room - 1 ? 0 : decimals);
}

/**
 * The most decimals (2, 1 or 0) at which every finite value fits in `room` characters, so a
 * whole grid prints with one number format and its columns line up.
 */
export function sharedDecimals(values: number[], room: number): number {
	const finite = values.filter(Number.isFinite);
	for (const decimals of [2, 1]) {
		if (finite.every((x) => formatNumber(x, decimals).length <= room)) return decimals;
	}
	return 0;
}

/**
 * A weight in [0, 1] as a percentage, whole or with one decimal. A weight that is not exactly 0
 * but rounds to 0 prints as "<1%" ("<0.1%"), so "no key is ever quite ignored" stays visible; an
 * exact 0 prints "0%", and an exact 1 "100%" at either precision.
 */
export function formatPercent(weight: number, sign = true, decimals: 0 | 1 = 0): string {
	const suffix = sign ? '%' : '';
	if (weight === 0) return `0${suffix}`;
	if (decimals === 1 && weight !== 1) {
		const tenths = Math.round(weight * 1000);
		if (tenths === 0) return `<0.1${suffix}`;
		return `${typographic((tenths / 10).toFixed(1))}${suffix}`;
	}
	const pct = Math.round(weight * 100);
	if (pct === 0) return `<1${suffix}`;
	return `${typographic(String(pct))}${suffix}`;
}

/**
 * How precisely to print a grid of weights in %: whole percents when each row's whole percents
 * add up to 100, as the row's weights do; otherwise one decimal, when `fits` says a cell has
 * room for it, so a row of eight 12.5% weights reads 12.5 eight times and not 13 (which adds up
 * to 104). Rows with no weight (no keys) are left out.
 */
export function percentDecimals(weights: number[][], fits: boolean): 0 | 1 {
	if (!fits) return 0;
	const off = weights.some((row) => {
		if (row.length === 0) return false;
		const whole = row.reduce((sum, w) => sum + (Number.isFinite(w) ? Math.round(w * 100) : 0), 0);
		return whole !== 100;
	});
	return off ? 1 : 0;
}

/** One entry of a vector, named by its feature and written with its sign: "+1.07", "food". */
export interface FeatureEntry {
	value: number;
	name: string;
	/** The value with its sign, as formatFeatures writes it ("+1.07", "−0.71"). */
	text: string;
}

/**
 * The largest entries of a vector by magnitude, largest first, at most `count` of them; entries
 * whose magnitude is below `threshold` are left out (an all-small vector gives none).
 */
export function topFeatures(
	vector: number[],
	features: string[],
	options: { count?: number; threshold?: number; decimals?: number } = {}
): FeatureEntry[] {
	const { count = 2, threshold = 0.05, decimals = 2 } = options;
	return vector
		.map((value, i) => ({ value, name: features[i] ?? `#${i + 1}` }))
		.filter((e) => Math.abs(e.value) >= threshold)
		.sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
		.slice(0, count)
		.map((e) => ({ ...e, text: `${e.value > 0 ? '+' : ''}${formatNumber(e.value, decimals)}` }));
}

/**
 * The largest entries of a vector by magnitude, named by feature: "+1.07 food, −0.71 animal".
 * Entries whose magnitude is below `threshold` are left out; an all-small vector gives "≈ 0".
 */
export function formatFeatures(
	vector: number[],
	features: string[],
	options: { count?: number; threshold?: number; decimals?: number } = {}
): string {
	const parts = topFeatures(vector, features, options).map((e) => `${e.text} ${e.name}`);
	return parts.length ? parts.join(', ') : '≈ 0';
}

/** A short vector as a bracketed list: [3.00, 1.00, 0.00, 0.00]. */
export function formatVector(vector: number[], decimals = 2): string {
	return `[${vector.map((x) => formatNumber(x, decimals)).join(', ')}]`;
}

/** A compact number for small cells: at most two decimals, trailing zeros dropped ("1", "0.35"). */
export function formatShort(value: number): string {
	if (!Number.isFinite(value)) return formatNumber(value);
	const text = formatNumber(value, 2);
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
