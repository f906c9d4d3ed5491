// Tests for the closing section's number words.
import { describe, expect, it } from 'vitest';
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
	it('rounds to two significant digits in words', () => {
		expect(formatApproximate(6_291_456)).toBe('6.3 million');
		expect(formatApproximate(603_979_776)).toBe('600 million');
		expect(formatApproximate(57_982_058_496)).toBe('58 billion');
		expect(formatApproximate(175e9, 3)).toBe('175 billion');
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
