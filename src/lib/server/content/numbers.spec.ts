// Tests the numbers prose may cite: they come from the engine and are formatted for reading.
import { describe, expect, it } from 'vitest';
import { formatNumber, shortNumber } from './numbers.ts';

describe('formatNumber', () => {
	it('formatNumber("gpt3.perHead", "exact") prints four matrices of 12,288 × 128', () => {
		expect(formatNumber('gpt3.perHead', 'exact')).toBe((4 * 12288 * 128).toLocaleString('en-US'));
	});
	it('formatNumber("gpt3.total", "short") rounds 96 × 96 heads to "58 billion"', () => {
		expect(formatNumber('gpt3.total', 'short')).toBe('58 billion');
	});
	it('formatNumber("gpt3.share", …) gives the attention share of 175 billion as a whole percent', () => {
		expect(formatNumber('gpt3.share', 'exact')).toBe('33%');
	});
	it('throws for a number the engine does not compute', () => {
		expect(() => formatNumber('gpt4.total', 'exact')).toThrow('unknown number');
	});
});

describe('shortNumber', () => {
	it('shortNumber(6_291_456) is "6.3 million"', () =>
		expect(shortNumber(6_291_456)).toBe('6.3 million'));
	it('shortNumber(603_979_776) is "604 million"', () =>
		expect(shortNumber(603_979_776)).toBe('604 million'));
	it('shortNumber(150_994_944) is "151 million"', () =>
		expect(shortNumber(150_994_944)).toBe('151 million'));
	it('shortNumber(512) stays exact', () => expect(shortNumber(512)).toBe('512'));
	it('a number that rounds up to the next unit takes its name', () => {
		expect(shortNumber(999_999)).toBe('1 million');
		expect(shortNumber(999_600_000_000)).toBe('1 trillion');
	});
});
