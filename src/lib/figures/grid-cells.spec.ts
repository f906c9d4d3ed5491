import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	changedRows,
	devicePixels,
	drawCells,
	forgetDrawn,
	paintFor,
	placeViewBox,
	readPaint,
	ROW_FADE,
	sizeAhead,
	type CellFrame,
	type CellPaint
} from './grid-cells.ts';

const PAINT: CellPaint = {
	low: 'low',
	high: 'high',
	neg: 'neg',
	line: 'line',
	masked: 'masked',
	fg: 'fg',
	muted: 'muted',
	font: 'sans-serif',
	rowFade: 0.5
};

interface Call {
	op: 'rect' | 'text' | 'image' | 'halo';
	fill: unknown;
	alpha: number;
	x: number;
	y: number;
	w?: number;
	h?: number;
	text?: string;
	/** For an image: which recorder's canvas it copies from. */
	source?: unknown;
}

/**
 * A 2D context that records what is drawn, with the state it was drawn in (`calls`), and the
 * transforms set and rectangles cleared (`setup`); its canvas is `width` × `height` device pixels.
 */
function recorder(width = 41, height = 41) {
	const calls: Call[] = [];
	const setup: (['transform', ...number[]] | ['clear', ...number[]] | ['clip', ...number[]])[] = [];
	const canvas = { width, height };
	let saved: { fillStyle: unknown; globalAlpha: number }[] = [];
	const ctx = {
		canvas,
		fillStyle: '' as unknown,
		globalAlpha: 1,
		font: '',
		textAlign: '',
		textBaseline: '',
		setTransform(...m: number[]) {
			setup.push(['transform', ...m]);
		},
		translate() {},
		clearRect(...r: number[]) {
			setup.push(['clear', ...r]);
		},
		beginPath() {},
		rect(...r: number[]) {
			setup.push(['clip', ...r]);
		},
		clip() {},
		save() {
			saved.push({ fillStyle: this.fillStyle, globalAlpha: this.globalAlpha });
		},
		restore() {
			const last = saved.at(-1);
			saved = saved.slice(0, -1);
			if (last) Object.assign(this, last);
		},
		fillRect(x: number, y: number, w: number, h: number) {
			calls.push({ op: 'rect', fill: this.fillStyle, alpha: this.globalAlpha, x, y, w, h });
		},
		fillText(text: string, x: number, y: number) {
			calls.push({ op: 'text', fill: this.fillStyle, alpha: this.globalAlpha, x, y, text });
		},
		strokeStyle: '' as unknown,
		lineWidth: 1,
		lineJoin: '',
		strokeText(text: string, x: number, y: number) {
			calls.push({ op: 'halo', fill: this.strokeStyle, alpha: this.globalAlpha, x, y, text });
		},
		drawImage(source: unknown, sx: number, sy: number, sw: number, sh: number) {
			calls.push({
				op: 'image',
				fill: null,
				alpha: this.globalAlpha,
				x: sx,
				y: sy,
				w: sw,
				h: sh,
				source
			});
		}
	};
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, canvas, setup };
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

/** An n × n grid of 10-unit cells, none hatched or masked, every row in focus. */
function square(n: number, over: Partial<CellFrame> = {}): CellFrame {
	return frame({
		n,
		cell: 10,
		fills: Array(n * n).fill(0),
		hatch: Array(n * n).fill(0),
		rows: Array(n).fill(1),
		masked: Array(n * n).fill(false),
		...over
	});
}

describe('drawCells', () => {
	it('paints the base colour, the grid lines between cells, then each fill at its strength times its row’s fade', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame({ rows: [1, 0] }), PAINT, 2);
		// One square of the base colour, under everything else.
		expect(calls[0]).toMatchObject({ op: 'rect', fill: 'low', x: -0.5, y: -0.5, w: 41, h: 41 });
		expect(calls.filter((c) => c.fill === 'low')).toHaveLength(1);
		// Lines one unit wide on every cell edge: three across, three down, the whole grid long.
		const lines = calls.filter((c) => c.fill === 'line');
		expect(lines.filter((c) => c.h === 1).map((c) => [c.x, c.y, c.w])).toEqual([
			[-0.5, -0.5, 41],
			[-0.5, 19.5, 41],
			[-0.5, 39.5, 41]
		]);
		expect(lines.filter((c) => c.w === 1).map((c) => [c.x, c.y, c.h])).toEqual([
			[-0.5, -0.5, 41],
			[19.5, -0.5, 41],
			[39.5, -0.5, 41]
		]);
		expect(calls.indexOf(lines.at(-1)!)).toBeLessThan(
			calls.findIndex((c) => c.fill === 'high' || c.fill === 'neg')
		);
		const fills = calls.filter((c) => c.fill === 'high' || c.fill === 'neg');
		// The zero cell is skipped; the negative one is grey; row 2 is faded to half.
		expect(fills.map((c) => [c.fill, c.alpha, c.x, c.y])).toEqual([
			['high', 0.5, 0.5, 0.5],
			['neg', 0.25, 20.5, 0.5],
			['high', 0.5, 20.5, 20.5]
		]);
	});

	it('fades a row out of focus to the theme’s share of its colour, in proportion while it moves', () => {
		const { ctx, calls } = recorder();
		// Dark mode keeps 0.7 of the colour; the second row is half-way out of focus.
		drawCells(ctx, frame({ rows: [0, 0.5], fills: [1, 1, 1, 1] }), { ...PAINT, rowFade: 0.7 }, 2);
		const alphas = calls.filter((c) => c.fill === 'high').map((c) => c.alpha);
		expect(alphas).toHaveLength(4);
		expect(alphas[0]).toBeCloseTo(0.7);
		expect(alphas[1]).toBeCloseTo(0.7);
		expect(alphas[2]).toBeCloseTo(0.85);
		expect(alphas[3]).toBeCloseTo(0.85);
	});

	it('draws a rectangle of one row by three columns for cross-attention (`cols`)', () => {
		const { ctx, calls } = recorder(81, 41);
		drawCells(
			ctx,
			frame({
				n: 1,
				cols: 3,
				fills: [0.5, 0, 1],
				hatch: [0, 1, 0],
				rows: [1],
				texts: ['a', 'b', 'c'],
				masked: [false, true, false]
			}),
			PAINT,
			1,
			() => null
		);
		expect(calls[0]).toMatchObject({ fill: 'low', w: 61, h: 21 });
		const lines = calls.filter((c) => c.fill === 'line');
		// Two lines across the three columns' width, four down one row's height.
		expect(lines.filter((c) => c.h === 1).map((c) => [c.y, c.w])).toEqual([
			[-0.5, 61],
			[19.5, 61]
		]);
		expect(lines.filter((c) => c.w === 1).map((c) => [c.x, c.h])).toEqual([
			[-0.5, 21],
			[19.5, 21],
			[39.5, 21],
			[59.5, 21]
		]);
		const fills = calls.filter((c) => c.fill === 'high');
		expect(fills.map((c) => [c.x, c.y])).toEqual([
			[0.5, 0.5],
			[40.5, 0.5]
		]);
		expect(
			calls.filter((c) => c.op === 'rect' && c.fill === 'masked').map((c) => [c.x, c.y])
		).toEqual([[20.5, 0.5]]);
		const texts = calls.filter((c) => c.op === 'text');
		expect(texts.map((c) => [c.text, c.x])).toEqual([
			['a', 10],
			['b', 30],
			['c', 50]
		]);
	});

	it('hatches masked cells only, at their hatch strength, cell by cell when it has no layer', () => {
		const { ctx, calls } = recorder();
		drawCells(
			ctx,
			frame({ hatch: [0, 1, 0, 0.5], masked: [false, true, false, true] }),
			PAINT,
			1,
			() => null
		);
		// Outside a browser the hatch falls back to the masked colour.
		const hatched = calls.filter((c) => c.fill === 'masked');
		expect(hatched.map((c) => [c.x, c.y, c.alpha])).toEqual([
			[20.5, 0.5, 1],
			[20.5, 20.5, 0.5]
		]);
	});

	it('paints the hatched cells once into a layer and copies each row back as one band', () => {
		// 4 × 4 cells of 10 units at 2 device pixels a unit: an 82-pixel canvas.
		const { ctx, calls } = recorder(82, 82);
		const layers: ReturnType<typeof recorder>[] = [];
		const layer = (width: number, height: number) => {
			layers.push(recorder(width, height));
			return layers.at(-1)!.ctx;
		};
		// The upper triangle is masked; row 1 is the focused one, the others fade to half.
		const hatch = [0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0];
		const cells = {
			n: 4,
			cell: 10,
			fills: Array(16).fill(0),
			hatch,
			rows: [0, 1, 0, 0],
			masked: hatch.map((h) => h > 0)
		};
		drawCells(ctx, frame(cells), PAINT, 2, layer);
		expect(layers).toHaveLength(1);
		expect([layers[0].canvas.width, layers[0].canvas.height]).toEqual([82, 82]);
		// The layer holds the six hatched cells at full strength.
		const painted = layers[0].calls.filter((c) => c.fill === 'masked');
		expect(painted.map((c) => [c.x, c.y, c.alpha])).toEqual([
			[10.5, 0.5, 1],
			[20.5, 0.5, 1],
			[30.5, 0.5, 1],
			[20.5, 10.5, 1],
			[30.5, 10.5, 1],
			[30.5, 20.5, 1]
		]);
		// Each row with hatching comes back as one full-width band, from the middle of the line
		// above it to the middle of the line below, at that row's strength; nothing cell by cell.
		const bands = calls.filter((c) => c.op === 'image');
		expect(bands.map((c) => [c.x, c.y, c.w, c.h, c.alpha])).toEqual([
			[0, 1, 82, 20, 0.5],
			[0, 21, 82, 20, 1],
			[0, 41, 82, 20, 0.5]
		]);
		expect(bands.every((c) => c.source === layers[0].canvas)).toBe(true);
		expect(calls.some((c) => c.fill === 'masked')).toBe(false);

		// Typing changes only the fills: the layer is reused as it is.
		drawCells(ctx, frame({ ...cells, fills: Array(16).fill(0.5) }), PAINT, 2, layer);
		expect(layers).toHaveLength(1);
		expect(layers[0].calls.filter((c) => c.fill === 'masked')).toHaveLength(6);

		// A row whose cells fade differently is filled cell by cell; which cells are hatched changed,
		// so the layer (same size) is painted again.
		const uneven = [...hatch];
		uneven[3] = 0.5;
		drawCells(ctx, frame({ ...cells, hatch: uneven }), PAINT, 2, layer);
		expect(layers).toHaveLength(1);
		const second = calls.slice(calls.findLastIndex((c) => c.fill === 'low'));
		expect(second.filter((c) => c.fill === 'masked').map((c) => [c.x, c.y, c.alpha])).toEqual([
			[10.5, 0.5, 0.5],
			[20.5, 0.5, 0.5],
			[30.5, 0.5, 0.25]
		]);
		expect(second.filter((c) => c.op === 'image').map((c) => c.y)).toEqual([21, 41]);

		// A new colour or size paints it again.
		drawCells(ctx, frame(cells), { ...PAINT, masked: 'masked2' }, 2, layer);
		expect(layers[0].calls.filter((c) => c.fill === 'masked2')).toHaveLength(6);

		// A grid with nothing masked keeps the layer: the next masked grid of the same size uses
		// the same canvas, and with the same cells hatched does not even paint it again.
		const masked2 = () => layers[0].calls.filter((c) => c.fill === 'masked2').length;
		drawCells(ctx, frame({ ...cells, hatch: Array(16).fill(0) }), PAINT, 2, layer);
		drawCells(ctx, frame(cells), { ...PAINT, masked: 'masked2' }, 2, layer);
		expect(layers).toHaveLength(1);
		expect(masked2()).toBe(6);
		// …and its three rows come back from it.
		const last = calls.slice(calls.findLastIndex((c) => c.fill === 'low'));
		expect(last.filter((c) => c.op === 'image' && c.source === layers[0].canvas)).toHaveLength(3);
	});

	it('draws again only the rows that changed, each in a band of whole pixels with its neighbours', () => {
		// 6 rows of 10 units at 1.5 device pixels a unit, the grid's corner 3 px down.
		const { ctx, calls, setup } = recorder(100, 100);
		const cells = (over: Partial<CellFrame> = {}) =>
			square(6, {
				fills: Array.from({ length: 36 }, (_, k) => (k % 7) / 10),
				texts: Array.from({ length: 36 }, (_, k) => String(k)),
				offset: { x: 2, y: 3 },
				...over
			});
		const fresh = () => {
			calls.length = 0;
			setup.length = 0;
		};
		drawCells(ctx, cells(), PAINT, 1.5, () => null);
		expect(setup).toContainEqual(['clear', 0, 0, 100, 100]);
		expect(calls.filter((c) => c.op === 'text')).toHaveLength(36);

		// The same cells again: nothing to draw.
		fresh();
		drawCells(ctx, cells(), PAINT, 1.5, () => null);
		expect([calls, setup]).toEqual([[], []]);

		// Row 2's fills and numbers change (a query slider moved): its band is cleared and drawn,
		// the full width of the canvas, from the last row of pixels that row 1 fills whole (row 1's
		// fill ends at device y 3 + 20 × 1.5 = 33, so 32) to the first that row 3 fills whole (its
		// fill starts at 3 + 31 × 1.5 = 49.5, so 50; the band ends after it, at 51).
		fresh();
		const moved = cells();
		for (let k = 12; k < 18; k++) {
			moved.fills[k] = 0.9;
			moved.texts![k] = `n${k}`;
		}
		drawCells(ctx, moved, PAINT, 1.5, () => null);
		expect(setup.filter(([op]) => op === 'clip' || op === 'clear')).toEqual([
			['clip', 0, 32, 100, 19],
			['clear', 0, 32, 100, 19]
		]);
		// In it: the base and every line, then rows 1 to 3 (the neighbours' edges reach in).
		expect(calls[0]).toMatchObject({ fill: 'low' });
		expect(calls.filter((c) => c.fill === 'line')).toHaveLength(14);
		const rowsDrawn = (op: Call['op']) => [
			...new Set(calls.filter((c) => c.op === op).map((c) => Math.floor(c.y / 10)))
		];
		expect(rowsDrawn('text')).toEqual([1, 2, 3]);
		expect(calls.filter((c) => c.op === 'text' && c.text?.startsWith('n'))).toHaveLength(6);
		expect(
			calls.filter((c) => c.fill === 'high' && Math.floor(c.y / 10) === 2).map((c) => c.alpha)
		).toEqual(Array(6).fill(0.9));

		// Rows 0 and 5: two bands, from the canvas's first row of pixels and to its last.
		fresh();
		const ends = { ...moved, rows: [...moved.rows], texts: [...moved.texts!] };
		ends.rows[0] = 0;
		ends.texts![35] = 'x';
		drawCells(ctx, ends, PAINT, 1.5, () => null);
		expect(setup.filter(([op]) => op === 'clear')).toEqual([
			['clear', 0, 0, 100, 21],
			['clear', 0, 77, 100, 23]
		]);
	});

	it('draws the whole grid again when more than half its rows, or how it is drawn, changed', () => {
		const { ctx, setup, canvas } = recorder(100, 100);
		const cells = (over: Partial<CellFrame> = {}) =>
			square(4, { fills: Array(16).fill(0.5), ...over });
		const whole = ['clear', 0, 0, 100, 100];
		const drawnWhole = (draw: () => void) => {
			setup.length = 0;
			draw();
			return setup.some((s) => JSON.stringify(s) === JSON.stringify(whole));
		};
		expect(drawnWhole(() => drawCells(ctx, cells(), PAINT, 2))).toBe(true);
		// Three rows of four refocused: all of it.
		expect(drawnWhole(() => drawCells(ctx, cells({ rows: [1, 0, 0, 0] }), PAINT, 2))).toBe(true);
		// One row: a band.
		expect(drawnWhole(() => drawCells(ctx, cells({ rows: [1, 0, 0, 1] }), PAINT, 2))).toBe(false);
		// Another theme, scale, place, font size or canvas size: all of it, each time.
		const same = { rows: [1, 0, 0, 1] };
		expect(drawnWhole(() => drawCells(ctx, cells(same), { ...PAINT }, 2))).toBe(true);
		const paint = { ...PAINT };
		drawCells(ctx, cells(same), paint, 2);
		expect(drawnWhole(() => drawCells(ctx, cells(same), paint, 3))).toBe(true);
		expect(
			drawnWhole(() => drawCells(ctx, cells({ ...same, offset: { x: 1, y: 0 } }), paint, 3))
		).toBe(true);
		expect(
			drawnWhole(() =>
				drawCells(ctx, cells({ ...same, offset: { x: 1, y: 0 }, numberSize: 14 }), paint, 3)
			)
		).toBe(true);
		canvas.width = 100;
		canvas.height = 120;
		setup.length = 0;
		drawCells(ctx, cells({ ...same, offset: { x: 1, y: 0 }, numberSize: 14 }), paint, 3);
		expect(setup).toContainEqual(['clear', 0, 0, 100, 120]);
		// A canvas forgotten (cleared by someone else): all of it.
		forgetDrawn(canvas);
		setup.length = 0;
		drawCells(ctx, cells({ ...same, offset: { x: 1, y: 0 }, numberSize: 14 }), paint, 3);
		expect(setup).toContainEqual(['clear', 0, 0, 100, 120]);
	});

	it('changedRows compares fills, hatching, masking, numbers and focus row by row', () => {
		const base = frame({ n: 2, texts: ['a', 'b', 'c', 'd'] });
		const drawn = (f: CellFrame) => ({ frame: f, paint: PAINT, scale: 1, width: 41, height: 41 });
		expect(changedRows(undefined, drawn(base))).toBeNull();
		expect(changedRows(drawn(base), drawn({ ...base }))).toEqual([]);
		expect(changedRows(drawn(base), drawn({ ...base, fills: [0.5, -0.25, 0, 0.9] }))).toEqual([1]);
		expect(changedRows(drawn(base), drawn({ ...base, hatch: [0, 0.2, 0, 0] }))).toEqual([0]);
		expect(
			changedRows(drawn(base), drawn({ ...base, masked: [false, false, true, false] }))
		).toEqual([1]);
		expect(changedRows(drawn(base), drawn({ ...base, texts: ['a', 'b', 'c', 'e'] }))).toEqual([1]);
		expect(changedRows(drawn(base), drawn({ ...base, rows: [0, 0] }))).toEqual([0, 1]);
		expect(changedRows(drawn(base), drawn({ ...base, texts: null }))).toBeNull();
		expect(changedRows(drawn(base), drawn({ ...base, cols: 3 }))).toBeNull();
		expect(changedRows(drawn(base), drawn({ ...base, origin: { x: 1, y: 1 } }))).toBeNull();
	});

	it('draws the grid at its offset in a bigger canvas, clearing the whole canvas first', () => {
		// The live figure's canvas covers the viewBox: 400 × 300 device pixels, the grid's corner
		// 60 px in and 24 px down.
		const { ctx, calls, setup } = recorder(400, 300);
		const layers: ReturnType<typeof recorder>[] = [];
		const layer = (width: number, height: number) => {
			layers.push(recorder(width, height));
			return layers.at(-1)!.ctx;
		};
		const offset = { x: 60, y: 24 };
		const hatch = [0, 1, 0, 0];
		drawCells(ctx, frame({ hatch, masked: hatch.map((h) => h > 0), offset }), PAINT, 2, layer);
		expect(setup.slice(0, 3)).toEqual([
			['transform', 1, 0, 0, 1, 0, 0],
			['clear', 0, 0, 400, 300],
			['transform', 2, 0, 0, 2, 60, 24]
		]);
		// The hatching layer is the canvas's size, painted in the same place, and row 0's band
		// comes back 24 px lower than it would in a canvas the grid's size.
		expect([layers[0].canvas.width, layers[0].canvas.height]).toEqual([400, 300]);
		expect(layers[0].setup).toContainEqual(['transform', 2, 0, 0, 2, 60, 24]);
		const bands = calls.filter((c) => c.op === 'image');
		expect(bands.map((c) => [c.x, c.y, c.w, c.h])).toEqual([[0, 25, 400, 40]]);
		// The layer is kept for the same offset, and painted again for another.
		drawCells(ctx, frame({ hatch, masked: hatch.map((h) => h > 0), offset }), PAINT, 2, layer);
		expect(layers[0].calls.filter((c) => c.fill === 'masked')).toHaveLength(1);
		drawCells(
			ctx,
			frame({ hatch, masked: hatch.map((h) => h > 0), offset: { x: 60, y: 30 } }),
			PAINT,
			2,
			layer
		);
		expect(layers[0].calls.filter((c) => c.fill === 'masked')).toHaveLength(2);
		expect(calls.filter((c) => c.op === 'image').at(-1)!.y).toBe(31);
	});

	it('draws no hatching when nothing is masked', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame(), PAINT, 1);
		expect(calls.some((c) => c.fill === 'masked')).toBe(false);
	});

	it('writes each cell’s text centred in it, muted on hatched cells, at full strength', () => {
		const { ctx, calls } = recorder();
		drawCells(
			ctx,
			frame({
				texts: ['67', '33', '0', '100'],
				hatch: [0, 0, 1, 0],
				masked: [false, false, true, false],
				rows: [0, 1]
			}),
			PAINT,
			1
		);
		const texts = calls.filter((c) => c.op === 'text');
		// On the baseline 0.35 em below the centre (the font is 12.5 units), as the SVG's dy="0.35em".
		const drop = 0.35 * 12.5;
		expect(texts.map((c) => [c.text, c.x, c.y, c.fill, c.alpha])).toEqual([
			['67', 10, 10 + drop, 'fg', 1],
			['33', 30, 10 + drop, 'fg', 1],
			['0', 10, 30 + drop, 'muted', 1],
			['100', 30, 30 + drop, 'fg', 1]
		]);
		expect(ctx.textBaseline).toBe('alphabetic');
	});

	it('parts the hatching around a masked cell’s number with a halo as strong as the hatching', () => {
		const { ctx, calls } = recorder();
		drawCells(
			ctx,
			frame({
				n: 3,
				fills: [1, 0, 0, 1, 1, 0, 1, 1, 1],
				texts: ['1', '0', '0', '0.5', '0.5', '0', '0.3', '0.3', '0.3'],
				hatch: [0, 1, 1, 0, 0, 1, 0, 0, 0],
				masked: [false, true, true, false, false, true, false, false, false],
				rows: [1, 0, 1]
			}),
			PAINT,
			1
		);
		const halos = calls.filter((c) => c.op === 'halo');
		// Only the masked cells, in the hatching's colour, each just before its number; the row out
		// of focus (row 2) at the share of strength its hatching keeps (rowFade 0.5).
		expect(halos.map((c) => [c.text, c.x, c.fill, c.alpha])).toEqual([
			['0', 30, 'masked', 1],
			['0', 50, 'masked', 1],
			['0', 50, 'masked', 0.5]
		]);
		for (const halo of halos) {
			const next = calls[calls.indexOf(halo) + 1];
			expect(next).toMatchObject({ op: 'text', x: halo.x, y: halo.y, fill: 'muted', alpha: 1 });
		}
		expect(ctx.lineWidth).toBe(3);
	});

	it('draws no text when cells are too small for numbers', () => {
		const { ctx, calls } = recorder();
		drawCells(ctx, frame({ texts: null }), PAINT, 1);
		expect(calls.some((c) => c.op === 'text')).toBe(false);
	});
});

describe('placeViewBox', () => {
	const view = { width: 400, height: 400 };

	it('places nothing without a box, or in a box not laid out yet', () => {
		for (const box of [null, undefined, { width: 0, height: 704 }, { width: 520, height: 0 }]) {
			expect(placeViewBox(box, view)).toBeNull();
		}
	});

	it('scales viewBox units to the box when the box has the viewBox’s shape', () => {
		// 800 px for 400 units: 2 px a unit, no margins.
		expect(placeViewBox({ width: 800, height: 800 }, view)).toEqual({
			left: 0,
			top: 0,
			width: 800,
			height: 800,
			unit: 2
		});
	});

	it('centres the drawing in a taller box, as the viewBox’s default (xMidYMid meet) does', () => {
		// 520 px wide: 1.3 px a unit; the drawing is 520 px tall in a 704 px box, 92 px below the top.
		const place = placeViewBox({ width: 520, height: 704 }, view)!;
		expect(place.unit).toBeCloseTo(1.3, 10);
		expect(place.left).toBe(0);
		expect(place.top).toBeCloseTo(92, 10);
		expect(place.width).toBeCloseTo(520, 10);
		expect(place.height).toBeCloseTo(520, 10);
	});

	it('centres the drawing in a wider box, fitting its height', () => {
		// 300 px tall: 0.75 px a unit; the drawing is 300 px wide in a 500 px box, 100 px from the left.
		const place = placeViewBox({ width: 500, height: 300 }, view)!;
		expect(place.unit).toBe(0.75);
		expect(place.left).toBeCloseTo(100, 10);
		expect(place.top).toBe(0);
		expect([place.width, place.height]).toEqual([300, 300]);
	});

	it('fits a viewBox of another shape by its tighter side', () => {
		// 400 × 200 units in 500 × 300 px: the width binds (1.25 px a unit), 25 px above and below.
		const place = placeViewBox({ width: 500, height: 300 }, { width: 400, height: 200 })!;
		expect(place).toEqual({ left: 0, top: 25, width: 500, height: 250, unit: 1.25 });
	});
});

describe('devicePixels', () => {
	it('scales the CSS size by the pixel ratio, rounded, and never below one pixel', () => {
		expect(devicePixels({ width: 520, height: 520 }, 1)).toEqual({ width: 520, height: 520 });
		expect(devicePixels({ width: 318.4, height: 200.2 }, 2)).toEqual({ width: 637, height: 400 });
		expect(devicePixels({ width: 0.1, height: 0 }, 3)).toEqual({ width: 1, height: 1 });
	});
});

describe('sizeAhead', () => {
	/** A canvas that records what is done to its context. */
	function canvas(width = 300, height = 150) {
		const calls: string[] = [];
		const c = {
			width,
			height,
			getContext: (kind: string) => {
				calls.push(`getContext ${kind} at ${c.width}×${c.height}`);
				return { clearRect: (...a: number[]) => calls.push(`clearRect ${a.join(' ')}`) };
			}
		};
		return { c: c as unknown as HTMLCanvasElement, calls };
	}

	it('sizes a canvas never sized, and touches one pixel so its store is made', () => {
		const grid = canvas();
		expect(sizeAhead(grid.c, { width: 1040, height: 1040 })).toBe(true);
		expect([grid.c.width, grid.c.height]).toEqual([1040, 1040]);
		expect(grid.calls).toEqual(['getContext 2d at 1040×1040', 'clearRect 0 0 1 1']);
	});

	it('leaves a canvas that has a size, and takes no size that is the default itself', () => {
		const sized = canvas(520, 520);
		expect(sizeAhead(sized.c, { width: 1040, height: 1040 })).toBe(false);
		expect([sized.c.width, sized.c.height, sized.calls.length]).toEqual([520, 520, 0]);
		const fresh = canvas();
		expect(sizeAhead(fresh.c, { width: 300, height: 150 })).toBe(false);
		expect([fresh.c.width, fresh.c.height, fresh.calls.length]).toEqual([300, 150, 0]);
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

	it('reads the out-of-focus fade from --row-fade, and light mode’s where it is unset or not a share', () => {
		for (const [value, expected] of [
			['0.7', 0.7],
			[' 0.3 ', 0.3],
			['', ROW_FADE],
			['bold', ROW_FADE],
			['1.5', ROW_FADE]
		] as const) {
			vi.stubGlobal('getComputedStyle', () => ({
				fontFamily: 'serif',
				getPropertyValue: (name: string) => (name === '--row-fade' ? value : '')
			}));
			expect(readPaint({} as Element).rowFade).toBe(expected);
		}
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
