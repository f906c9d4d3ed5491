// Number words for the closing section's views: grouped counts and "about 58 billion" phrasing.
import { MINUS } from './format.ts';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A whole count with thousands separators: 57,982,058,496. */
export function formatCount(value: number): string {
	return grouped.format(value).replace(/-/g, MINUS);
}

/**
 * A count in words, rounded to `digits` significant digits: "6.3 million", "58 billion". By
 * default two digits, or three when the thousands, millions or billions run to three ("604
 * million", not "600 million"); the prose's `:num{format="short"}` rounds with this too
 * (server/content/numbers.ts). Counts below a thousand print in full.
 */
export function formatApproximate(value: number, digits?: number): string {
	const size = Math.abs(value);
	if (size < 1000) return formatCount(value);
	const mantissa = size / 1000 ** Math.min(3, Math.floor(Math.log10(size) / 3));
	return new Intl.NumberFormat('en-US', {
		notation: 'compact',
		compactDisplay: 'long',
		maximumSignificantDigits: digits ?? (mantissa >= 100 ? 3 : 2)
	})
		.format(value)
		.replace(/-/g, MINUS);
}

/** A share in [0, 1] as a whole percentage: 0.3313 → "33%". */
export function formatShare(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/**
 * The closing section's views are drawn `SCALE_INSET` units in from each side of the figure's
 * 400-unit width (ScaleViews shifts them), so their titles and numbers keep the margin the other
 * chapters' figures keep: each view is `SCALE_WIDTH` wide. A faint band behind an emphasised part
 * reaches `BAND_PAD` further each way, so the text on it does not touch its edge.
 */
export const SCALE_INSET = 8;
export const SCALE_WIDTH = 400 - 2 * SCALE_INSET;
export const BAND_PAD = 6;
