// The plane's frame: one scale for both axes, every point inside its region.
import { describe, expect, test } from 'vitest';
import { arrowHead, fitFrame, namedByAxis, rayToEdge, toScreen } from './plane.ts';

const region = { x: 0, y: 26, width: 400, height: 230 };
const pad = { left: 30, right: 30, top: 30, bottom: 30 };

describe('fitFrame', () => {
	test('fitFrame puts every point and the origin inside the padded region', () => {
		const points: [number, number][] = [
			[1, 0],
			[0.2, 1.2],
			[-0.5, 0.3]
		];
		const f = fitFrame(points, region, pad);
		for (const p of [...points, [0, 0] as [number, number]]) {
			const [x, y] = toScreen(f, p);
			expect(x).toBeGreaterThanOrEqual(region.x + pad.left - 1e-9);
			expect(x).toBeLessThanOrEqual(region.x + region.width - pad.right + 1e-9);
			expect(y).toBeGreaterThanOrEqual(region.y + pad.top - 1e-9);
			expect(y).toBeLessThanOrEqual(region.y + region.height - pad.bottom + 1e-9);
		}
	});
	test('fitFrame keeps angles: one unit is the same length on both axes', () => {
		const f = fitFrame([[2, 1]], region, pad);
		const [x1] = toScreen(f, [1, 0]);
		const [x0, y0] = toScreen(f, [0, 0]);
		const [, y1] = toScreen(f, [0, 1]);
		expect(x1 - x0).toBeCloseTo(y0 - y1);
	});
	test('fitFrame widens a tiny span instead of blowing it up', () => {
		const f = fitFrame([[0.01, 0]], region, pad, 1);
		expect(f.k).toBeLessThanOrEqual(region.height - pad.top - pad.bottom);
	});
});

test('rayToEdge stops at the region edge, less the inset', () => {
	expect(rayToEdge(200, 100, 1, 0, region, 10)).toEqual([390, 100]);
	expect(rayToEdge(200, 100, 0, 0, region)).toBeNull();
});

test('arrowHead is empty for an arrow shorter than its head', () => {
	expect(arrowHead(0, 0, 2, 0)).toBe('');
	expect(arrowHead(0, 0, 50, 0)).toMatch(/^M50\.00 0\.00L/);
});

describe('namedByAxis', () => {
	const axes = { x: { label: 'animal' }, y: { label: 'large, tall' } };

	test('a ray along an axis whose label says the same needs no label of its own', () => {
		expect(namedByAxis([2, 0], 'the animal', axes)).toBe(true);
		expect(namedByAxis([0, 0.5], 'Large, tall', axes)).toBe(true);
		expect(namedByAxis([0, 1], 'large, tall', { ...axes, y: { label: '↑ large, tall' } })).toBe(
			true
		);
	});

	test('a ray off the axis, on its negative half, or named otherwise keeps its label', () => {
		expect(namedByAxis([2, 0.2], 'the animal', axes)).toBe(false);
		expect(namedByAxis([-2, 0], 'the animal', axes)).toBe(false);
		expect(namedByAxis([2, 0], 'food', axes)).toBe(false);
		expect(namedByAxis([0, 1], 'the animal', axes)).toBe(false);
		expect(namedByAxis([0, 0], 'the animal', axes)).toBe(false);
	});
});
