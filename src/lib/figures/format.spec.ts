// Number formatting for figures: minus signs, percentages, scores that fit a cell.
import { describe, expect, test } from 'vitest';
import {
	MINUS,
	formatFeatures,
	topFeatures,
	formatNumber,
	formatPercent,
	formatScore,
	percentDecimals,
	formatShort,
	formatVector
} from './format.ts';

describe('formatNumber', () => {
	test('formatNumber(-1.5) uses a true minus sign', () => {
		expect(formatNumber(-1.5)).toBe(`${MINUS}1.50`);
	});
	test('formatNumber(-0.001) prints no sign for a value that rounds to zero', () => {
		expect(formatNumber(-0.001)).toBe('0.00');
	});
	test('formatNumber(-Infinity) is −∞', () => {
		expect(formatNumber(-Infinity)).toBe(`${MINUS}∞`);
	});
});

describe('formatScore', () => {
	test('formatScore keeps within the room it is given', () => {
		for (const x of [0, 3, -0.75, 12.5, -12.5, 123.4, -999]) {
			for (const room of [4, 5]) {
				expect(formatScore(x, room).length).toBeLessThanOrEqual(Math.max(room, 4));
			}
		}
	});
	test('formatScore(1.5, 5) keeps two decimals', () => {
		expect(formatScore(1.5, 5)).toBe('1.50');
	});
});

describe('formatPercent', () => {
	test('formatPercent(0.714) rounds to a whole percentage', () => {
		expect(formatPercent(0.714)).toBe('71%');
	});
	test('formatPercent(0) is an exact zero, formatPercent(0.001) is not', () => {
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(0.001)).toBe('<1%');
	});
	test('formatPercent(0.5, false) drops the sign', () => {
		expect(formatPercent(0.5, false)).toBe('50');
	});
	test('formatPercent(w, sign, 1) prints tenths; exact 0 and 1 stay whole', () => {
		expect(formatPercent(0.125, true, 1)).toBe('12.5%');
		expect(formatPercent(0.35, false, 1)).toBe('35.0');
		expect(formatPercent(0.0004, true, 1)).toBe('<0.1%');
		expect(formatPercent(0, true, 1)).toBe('0%');
		expect(formatPercent(1, true, 1)).toBe('100%');
	});
});

describe('percentDecimals', () => {
	test('whole percents when every row’s whole percents add up to 100', () => {
		expect(percentDecimals([[0.25, 0.25, 0.5], [1, 0, 0], []], true)).toBe(0);
	});
	test('tenths when a row’s whole percents do not (eight 12.5% weights read 13: 104)', () => {
		const uniform = Array(8).fill(1 / 8);
		expect(uniform.reduce((s, w) => s + Math.round(w * 100), 0)).toBe(104);
		expect(percentDecimals([[1], uniform], true)).toBe(1);
	});
	test('whole percents when the cells have no room for tenths', () => {
		expect(percentDecimals([Array(8).fill(1 / 8)], false)).toBe(0);
	});
});

describe('formatFeatures', () => {
	const features = ['animal', 'food', 'heat'];
	test('formatFeatures names the largest entries, largest first', () => {
		expect(formatFeatures([-0.79, 1.18, 0.01], features)).toBe(`+1.18 food, ${MINUS}0.79 animal`);
	});
	test('formatFeatures of a tiny vector says so', () => {
		expect(formatFeatures([0, 0.001, 0], features)).toBe('≈ 0');
	});
	test('topFeatures lists the largest entries with their signs, and none for a tiny vector', () => {
		expect(topFeatures([-0.79, 1.18, 0.3], features, { count: 3 })).toEqual([
			{ value: 1.18, name: 'food', text: '+1.18' },
			{ value: -0.79, name: 'animal', text: `${MINUS}0.79` },
			{ value: 0.3, name: 'heat', text: '+0.30' }
		]);
		expect(topFeatures([0, 0.001, 0], features)).toEqual([]);
	});
});

test('formatShort drops trailing zeros', () => {
	expect([1, 0.35, 0.3, -1.5, 0].map(formatShort)).toEqual([
		'1',
		'0.35',
		'0.3',
		`${MINUS}1.5`,
		'0'
	]);
});

test('formatVector brackets the entries', () => {
	expect(formatVector([3, -1], 1)).toBe(`[3.0, ${MINUS}1.0]`);
});
