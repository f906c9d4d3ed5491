// Tests for the closing section's number words.
import { describe, expect, it } from 'vitest';
import { countAttentionParameters, GPT3, GPT3_TOTAL_PARAMETERS } from '$lib/engine/index.ts';
import { shortNumber } from '$lib/server/content/numbers';
import { formatApproximate, formatCount, formatShare } from './scale-views.ts';

describe('formatCount', () => {
	it('groups thousands', () => {
		expect(formatCount(57_982_058_496)).toBe('57,982,058,496');
		expect(formatCount(128)).toBe('128');
	});

	it('uses a true minus sign', () => {
		expect(formatCount(-1500)).toBe('\u22121,500');
	});
});

describe('formatApproximate', () => {
	it('rounds to two significant digits in words, three past a hundred', () => {
		expect(formatApproximate(6_291_456)).toBe('6.3 million');
		expect(formatApproximate(603_979_776)).toBe('604 million');
		expect(formatApproximate(57_982_058_496)).toBe('58 billion');
		expect(formatApproximate(175e9, 3)).toBe('175 billion');
		expect(formatApproximate(175e9, 2)).toBe('180 billion');
	});

	it('says what the prose beside the figure says of the same numbers', () => {
		// The parameters figure's "≈" column and the prose's :num{format="short"} name the same
		// counts: they must not disagree ("≈ 600 million" beside "about 604 million").
		const counts = Object.values(countAttentionParameters(GPT3)).filter((v) => v >= 1000);
		expect(counts.length).toBeGreaterThan(3);
		for (const v of [
			...counts,
			GPT3_TOTAL_PARAMETERS,
			1234,
			999_999,
			12_345_678_901,
			999_600_000_000,
			1.5e12
		]) {
			expect(formatApproximate(v), String(v)).toBe(shortNumber(v));
		}
	});

	it('prints small counts in full', () => {
		expect(formatApproximate(512)).toBe('512');
	});
});

describe('formatShare', () => {
	it('is a whole percentage', () => {
		expect(formatShare(57_982_058_496 / 175e9)).toBe('33%');
	});
});
