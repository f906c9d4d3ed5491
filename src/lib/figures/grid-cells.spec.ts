import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawCells, paintFor, placeCanvas, type CellFrame, type CellPaint } from './grid-cells.ts';

const PAINT: CellPaint = {
	low: 'low',
	high: 'high',
	neg: 'neg',
	line: 'line',
	masked: 'masked',
	fg: 'fg',
	muted: 'muted',
	font: 'sans-serif'
};

interface Call {
	op: 'rect' | 'text';
	fill: unknown;
	alpha: number;
	x: number;
	y: number;
	w?: number;
	text?: string;
}

/** A 2D context that records what is drawn, with the state it was drawn in. */
function recorder() {
	const calls: Call[] = [];
	const ctx = {
		fillStyle: '' as unknown,
		globalAlpha: 1,
		font: '',
		textAlign: '',
		textBaseline: '',
		setTransform() {},
		translate() {},
		clearRect() {},
		fillRect(x: number, y: number, w: number) {
			calls.push({ op: 'rect', fill: this.fillStyle, alpha: this.globalAlpha, x, y, w });
		},
		fillText(text: string, x: number, y: number) {
			calls.push({ op: 'text', fill: this.fillStyle, alpha: this.globalAlpha, x, y, text });
		}
	};
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

function frame(over: Partial<CellFrame> = {}): CellFrame {
	return {
		n: 2,
		cell: 20,
		fills: [0.5, -0.25, 0, 1],
		hatch: [0, 0, 0, 0],
		rows: [1, 1],
		texts: null,
		masked: [false, false, false, false],
		numberSize: 12.5,
		...over
	};
}

describe('drawCells', () => {
	it('paints a base for every cell, then each fill at its strength times its row’s fade', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame({ rows: [1, 0.5] }), PAINT, 2);
		const bases = calls.filter((c) => c.fill === 'low');
		expect(bases).toHaveLength(4);
		expect(bases.map((c) => [c.x, c.y])).toEqual([
			[0.5, 0.5],
			[20.5, 0.5],
			[0.5, 20.5],
			[20.5, 20.5]
		]);
		const fills = calls.filter((c) => c.fill === 'high' || c.fill === 'neg');
		// The zero cell is skipped; the negative one is grey; row 2 is faded to half.
		expect(fills.map((c) => [c.fill, c.alpha, c.x, c.y])).toEqual([
			['high', 0.5, 0.5, 0.5],
			['neg', 0.25, 20.5, 0.5],
			['high', 0.5, 20.5, 20.5]
		]);
	});

	it('hatches masked cells only, at their hatch strength', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame({ hatch: [0, 1, 0, 0], masked: [false, true, false, false] }), PAINT, 1);
		// Outside a browser the hatch falls back to the masked colour.
		const hatched = calls.filter((c) => c.fill === 'masked');
		expect(hatched.map((c) => [c.x, c.y, c.alpha])).toEqual([[20.5, 0.5, 1]]);
	});

	it('draws no hatching when nothing is masked', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame(), PAINT, 1);
		expect(calls.some((c) => c.fill === 'masked')).toBe(false);
	});

	it('writes each cell’s text at its centre, muted on hatched cells, at full strength', () => {
		const { ctx, calls } = recorder();
		drawCells(
			ctx,
			frame({
				texts: ['67', '33', '0', '100'],
				hatch: [0, 0, 1, 0],
				masked: [false, false, true, false],
				rows: [0.45, 1]
			}),
			PAINT,
			1
		);
		const texts = calls.filter((c) => c.op === 'text');
		expect(texts.map((c) => [c.text, c.x, c.y, c.fill, c.alpha])).toEqual([
			['67', 10, 10, 'fg', 1],
			['33', 30, 10, 'fg', 1],
			['0', 10, 30, 'muted', 1],
			['100', 30, 30, 'fg', 1]
		]);
	});

	it('draws no text when cells are too small for numbers', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame({ texts: null }), PAINT, 1);
		expect(calls.some((c) => c.op === 'text')).toBe(false);
	});
});

describe('placeCanvas', () => {
	const view = { width: 400, height: 400 };
	const grid = { x0: 100.5, y0: 60.5, side: 241 };

	it('scales viewBox units to the box when the box has the viewBox’s shape', () => {
		// 800 px for 400 units: 2 px a unit, no margins.
		expect(placeCanvas({ width: 800, height: 800 }, view, grid)).toEqual({
			left: 200,
			top: 120,
			size: 482,
			unit: 2
		});
	});

	it('centres the drawing in a taller box, as the viewBox’s default (xMidYMid meet) does', () => {
		// 520 px wide: 1.3 px a unit; the drawing is 520 px tall in a 704 px box, 92 px below the top.
		const place = placeCanvas({ width: 520, height: 704 }, view, grid);
		expect(place.unit).toBeCloseTo(1.3, 10);
		expect(place.left).toBeCloseTo(100 * 1.3, 10);
		expect(place.top).toBeCloseTo(92 + 60 * 1.3, 10);
		expect(place.size).toBeCloseTo(241 * 1.3, 10);
	});

	it('centres the drawing in a wider box, fitting its height', () => {
		// 300 px tall: 0.75 px a unit; the drawing is 300 px wide in a 500 px box, 100 px from the left.
		const place = placeCanvas({ width: 500, height: 300 }, view, grid);
		expect(place.unit).toBe(0.75);
		expect(place.left).toBeCloseTo(100 + 100 * 0.75, 10);
		expect(place.top).toBeCloseTo(60 * 0.75, 10);
	});
});

describe('paintFor', () => {
	afterEach(() => vi.unstubAllGlobals());

	/** A page whose theme can be switched, counting the computed-style reads. */
	function page() {
		const root = { dataset: {} as Record<string, string>, className: '' };
		let dark = false;
		const reads: string[] = [];
		vi.stubGlobal('document', { documentElement: root });
		vi.stubGlobal('window', { matchMedia: () => ({ matches: dark }) });
		vi.stubGlobal('getComputedStyle', (element: { id: string }) => {
			reads.push(element.id);
			const high = root.dataset.theme === 'dark' || dark ? '#56b4e9' : '#0072b2';
			return {
				fontFamily: 'serif',
				getPropertyValue: (name: string) => (name === '--cell-high' ? high : '')
			};
		});
		return {
			reads,
			setTheme: (theme: string) => (root.dataset.theme = theme),
			setSystemDark: (on: boolean) => (dark = on)
		};
	}
	const a = { id: 'figure-canvas' } as unknown as Element;
	const b = { id: 'try-it-canvas' } as unknown as Element;

	it('reads the colours once per theme for every grid on the page, and again when the theme changes', () => {
		const p = page();
		p.setTheme('light-' + Math.random()); // a theme no earlier test has cached
		const first = paintFor(a);
		expect(first.high).toBe('#0072b2');
		expect(first.low).toBe('#fbfaf7'); // the stylesheet's fallback when the property is unset
		expect(paintFor(b)).toBe(first); // a second grid (a try-it mounting) reads nothing
		expect(p.reads).toEqual(['figure-canvas']);

		p.setTheme('dark');
		expect(paintFor(b).high).toBe('#56b4e9');
		expect(p.reads).toEqual(['figure-canvas', 'try-it-canvas']);

		p.setSystemDark(true); // the system theme is part of the key too
		paintFor(a);
		expect(p.reads).toHaveLength(3);
	});

	it('reads again when asked for fresh colours, and caches what it read', () => {
		const p = page();
		p.setTheme('fresh-' + Math.random());
		paintFor(a);
		paintFor(a, true);
		expect(p.reads).toEqual(['figure-canvas', 'figure-canvas']);
		paintFor(b);
		expect(p.reads).toHaveLength(2);
	});
});
