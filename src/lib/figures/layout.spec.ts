// The grid's layout and label placement: everything fits the figure and nothing overlaps.
import { describe, expect, test } from 'vitest';
import {
	BOLD_WIDTH,
	HEIGHT,
	WIDTH,
	entersBox,
	gridLayout,
	labelBox,
	placeLabels,
	textWidth,
	wordLine,
	type Box,
	type Line,
	type PlacedLabel
} from './layout.ts';

describe('gridLayout', () => {
	const sentences = [
		['the', 'hot', 'dog', 'was'],
		['a', 'fluffy', 'blue', 'creature', 'roamed', 'the', 'verdant', 'forest'],
		Array.from({ length: 12 }, (_, i) => `word${i}`)
	];
	test.each(sentences)('gridLayout fits %s… inside the figure', (...tokens) => {
		for (const strip of [false, true]) {
			const L = gridLayout(tokens, { strip });
			expect(L.x0 - textWidth('queries ↓', 12)).toBeGreaterThanOrEqual(0);
			expect(L.sumX + 20).toBeLessThanOrEqual(WIDTH);
			const bottom = (L.stripY ?? L.y0 + L.n * L.cell) + (strip ? 16 + L.stripBar + 14 : 0);
			expect(bottom).toBeLessThanOrEqual(HEIGHT);
		}
	});
	test('gridLayout rotates column labels only when they do not fit across a cell', () => {
		expect(gridLayout(sentences[0], { strip: true }).rotate).toBe(false);
		expect(gridLayout(sentences[1], { strip: true }).rotate).toBe(true);
	});
	test('gridLayout makes cells big enough for numbers at 8 tokens', () => {
		expect(gridLayout(sentences[1], { strip: true }).cell).toBeGreaterThanOrEqual(24);
	});
	test('gridLayout with other columns (cross-attention) sizes the cells to the columns', () => {
		// Two rows by twelve columns: the cells shrink to fit twelve across, not two.
		const L = gridLayout(['the', 'creature'], { strip: true, columns: sentences[2] });
		expect([L.n, L.cols]).toEqual([2, 12]);
		expect(L.sumX).toBe(L.x0 + 12 * L.cell + 24);
		expect(L.sumX + 20).toBeLessThanOrEqual(WIDTH);
		expect(L.cell).toBeLessThan(gridLayout(['the', 'creature'], { strip: true }).cell);
		// The columns' labels decide the rotation: "word11" does not fit across such a cell.
		expect(L.rotate).toBe(true);
		expect(gridLayout(sentences[2], { strip: true, columns: ['a', 'b'] }).rotate).toBe(false);
	});
});

describe('placeLabels', () => {
	const bounds = { x: 0, y: 0, width: 400, height: 300 };
	/** Whether two placed 60 × 14 labels' boxes do not overlap. */
	const apart = (a: PlacedLabel, b: PlacedLabel) => {
		const boxA = labelBox(a, 60, 14);
		const boxB = labelBox(b, 60, 14);
		return (
			boxA.right <= boxB.left ||
			boxB.right <= boxA.left ||
			boxA.bottom <= boxB.top ||
			boxB.bottom <= boxA.top
		);
	};
	test('placeLabels keeps labels inside the bounds', () => {
		const placed = placeLabels(
			[
				{ id: 'a', x: 395, y: 150, dx: 1, dy: 0, width: 120, height: 14 },
				{ id: 'b', x: 5, y: 5, dx: -1, dy: -1, width: 80, height: 14 }
			],
			bounds
		);
		expect(placed[0].anchor).toBe('start');
		expect(placed[0].x + 120).toBeLessThanOrEqual(400);
		expect(placed[1].anchor).toBe('end');
		expect(placed[1].x - 80).toBeGreaterThanOrEqual(0);
		expect(placed[1].y - 14 * 0.8).toBeGreaterThanOrEqual(0);
	});
	test('placeLabels keeps labels side by side on one line more than a word space apart', () => {
		// "b" pushed right from its point lands 4 units after "a" ends, on a's line: read as one
		// phrase ("in all 3 phrases true"). It must go elsewhere or keep 10 units clear.
		const [a, b] = placeLabels(
			[
				{ id: 'a', x: 100, y: 100, dx: 1, dy: 0, width: 60, height: 14 },
				{ id: 'b', x: 164, y: 100, dx: 1, dy: 0, width: 30, height: 14 }
			],
			bounds
		);
		const boxA = labelBox(a, 60, 14);
		const boxB = labelBox(b, 30, 14);
		const shared = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
		const gap = Math.max(boxB.left - boxA.right, boxA.left - boxB.right);
		expect(shared < 7 || gap >= 10, `gap ${gap} on a shared ${shared}`).toBe(true);
	});
	test('placeLabels sets a label nearer its own point than another arrow’s head', () => {
		// Pushed right, "a" would end 6 units short of b's head, nearer it than its own point.
		const request = { id: 'a', x: 100, y: 100, dx: 1, dy: 0, width: 60, height: 14 };
		const [plain] = placeLabels([request], bounds);
		expect(plain.anchor).toBe('start');
		const heads = [
			{ x: 172, y: 100, owner: 'b' },
			{ x: 100, y: 100, owner: 'a' }
		];
		const [kept] = placeLabels([request], bounds, [], 6, [], heads);
		const box = labelBox(kept, 60, 14);
		const away = (x: number, y: number) =>
			Math.hypot(
				Math.max(box.left - x, 0, x - box.right),
				Math.max(box.top - y, 0, y - box.bottom)
			);
		expect(away(172, 100)).toBeGreaterThanOrEqual(1.5 * away(100, 100));
		// Its own head does not push it anywhere.
		expect(placeLabels([request], bounds, [], 6, [], [heads[1]])).toEqual([plain]);
	});
	test('placeLabels looks farther out for a spot no line runs through', () => {
		// Two long lines 30 units apart, the point between them: every spot beside the point, and
		// every nudge up or down, has a 60-unit label across one of them; a spot past them has none.
		const lines = [185, 215].map((x) => ({ x1: x, y1: 0, x2: x, y2: 300 }));
		const request = { id: 'a', x: 200, y: 150, dx: 1, dy: 0, width: 60, height: 14 };
		const [placed] = placeLabels([request], bounds, [], 6, lines);
		const box = labelBox(placed, 60, 14);
		for (const l of lines) expect(entersBox(l.x1, l.y1, l.x2, l.y2, box), `x = ${l.x1}`).toBeNull();
		// And not far: the nearest ring past the lines.
		expect(Math.min(Math.abs(box.left - 200), Math.abs(box.right - 200))).toBeLessThan(30);
	});
	test('placeLabels moves a label off one already placed at the same point', () => {
		const [a, b] = placeLabels(
			[
				{ id: 'a', x: 200, y: 150, dx: 1, dy: 0, width: 60, height: 14 },
				{ id: 'b', x: 200, y: 150, dx: 1, dy: 0, width: 60, height: 14 }
			],
			bounds
		);
		expect(apart(a, b)).toBe(true);
	});

	const crosses = (l: Line, box: Box) => entersBox(l.x1, l.y1, l.x2, l.y2, box) !== null;
	const label = { id: 'a', x: 200, y: 150, dx: 1, dy: 0, width: 60, height: 14 };

	test('placeLabels moves a label off a line that runs through its preferred spot', () => {
		// A vertical line 20 units right of the point cuts the label set to its right.
		const line: Line = { x1: 220, y1: 0, x2: 220, y2: 300 };
		const [alone] = placeLabels([label], bounds);
		expect(crosses(line, labelBox(alone, 60, 14))).toBe(true);
		const [placed] = placeLabels([label], bounds, [], 6, [line]);
		expect(crosses(line, labelBox(placed, 60, 14))).toBe(false);
	});

	test('placeLabels keeps a subscript’s drop (descent) off a line just under the text', () => {
		// A line a little under the label's box at its preferred spot (right of the point): clear of
		// the text alone, but not of a subscript set 2.5 units lower.
		const line: Line = { x1: 0, y1: 160.5, x2: 400, y2: 160.5 };
		const [plain] = placeLabels([label], bounds, [], 6, [line]);
		expect(plain).toEqual(placeLabels([label], bounds)[0]);
		const [lowered] = placeLabels([{ ...label, descent: 2.5 }], bounds, [], 6, [line]);
		expect(lowered).not.toEqual(plain);
		const box = labelBox(lowered, 60, 14, 2.5);
		expect(box.bottom - labelBox(lowered, 60, 14).bottom).toBe(2.5);
		expect(crosses(line, box)).toBe(false);
	});

	test('placeLabels lets a label sit on its own line (a ray that stops where its label starts)', () => {
		const own: Line = { x1: 220, y1: 0, x2: 220, y2: 300, owner: 'a' };
		expect(placeLabels([label], bounds, [], 6, [own])).toEqual(placeLabels([label], bounds));
	});

	test('placeLabels keeps labels off each other before it keeps them off lines', () => {
		// Lines through every spot the second label could take: it still avoids the first label,
		// and takes a spot the fewest lines cross.
		const lines: Line[] = Array.from({ length: 41 }, (_, i) => ({
			x1: 100 + i * 5,
			y1: 0,
			x2: 100 + i * 5,
			y2: 300
		}));
		const [a, b] = placeLabels([label, { ...label, id: 'b' }], bounds, [], 6, lines);
		expect(apart(a, b)).toBe(true);
	});

	test('placeLabels keeps a label beside its point rather than let it drift to a clear spot', () => {
		// Horizontal lines every 8 units from y = 100 to 200: every spot near the point has a line or
		// two through it; the nearest clear spots are four nudges (60 units) up or down.
		const lines: Line[] = Array.from({ length: 13 }, (_, i) => ({
			x1: 0,
			y1: 100 + i * 8,
			x2: 400,
			y2: 100 + i * 8
		}));
		const [alone] = placeLabels([label], bounds);
		const [placed] = placeLabels([label], bounds, [], 6, lines);
		expect(Math.abs(placed.y - alone.y)).toBeLessThan(label.height + 1);
		expect(Math.abs(placed.x - alone.x)).toBeLessThan(label.width);
	});

	test('placeLabels leaves a little space between labels side by side', () => {
		// The second label's preferred spot ends 1 unit short of the first: too close, so it moves.
		const first = { id: 'a', x: 261, y: 150, dx: 1, dy: 0, width: 60, height: 14 };
		const second = { id: 'b', x: 200, y: 150, dx: 1, dy: 0, width: 60, height: 14 };
		const [a, b] = placeLabels([first, second], bounds);
		const boxA = labelBox(a, 60, 14);
		const boxB = labelBox(b, 60, 14);
		expect(boxA.left - boxB.right >= 3 || boxB.bottom <= boxA.top || boxA.bottom <= boxB.top).toBe(
			true
		);
		expect(b).not.toEqual(placeLabels([second], bounds)[0]);
	});
});

test('textWidth grows with the text and the size', () => {
	expect(textWidth('creature', 12)).toBeGreaterThan(textWidth('the', 12));
	expect(textWidth('dog', 24)).toBeCloseTo(2 * textWidth('dog', 12));
});

test('textWidth adds up a width per kind of character', () => {
	// Narrow, medium-narrow, space, wide, capital, digit, symbol, anything else (in ems).
	const kinds: [string, number][] = [
		['il', 0.6],
		['ft', 0.8],
		[' ', 0.32],
		['mW', 1.84],
		['Q', 0.7],
		['42', 1.24],
		['→%', 1.6],
		['ab', 1.2]
	];
	for (const [text, em] of kinds) expect(textWidth(text, 10)).toBeCloseTo(em * 10);
	expect(textWidth('il mW', 10)).toBeCloseTo((0.6 + 0.32 + 1.84) * 10);
	expect(textWidth('', 12)).toBe(0);
});

test('textWidth gives the same answer after thousands of other texts (its memory is bounded)', () => {
	const before = [textWidth('fluffy', 12.5), textWidth('fluffy', 7)];
	for (let i = 0; i < 10_000; i++) textWidth(`word ${i}`, 12);
	expect([textWidth('fluffy', 12.5), textWidth('fluffy', 7)]).toEqual(before);
	// w, o, r, d, a space, four digits.
	expect(textWidth('word 9999', 1)).toBeCloseTo(0.92 + 0.6 + 0.4 + 0.6 + 0.32 + 0.62 * 4);
});

test('entersBox finds where a segment first meets a box', () => {
	const box = { left: 10, right: 20, top: -5, bottom: 5 };
	expect(entersBox(0, 0, 40, 0, box)).toBeCloseTo(0.25);
	expect(entersBox(0, 10, 40, 10, box)).toBeNull();
});

describe('wordLine', () => {
	const words = ['a', 'fluffy', 'blue', 'creature'];

	test('sets words left to right half an em apart, centred where asked', () => {
		const line = wordLine(words, { centre: 200, size: 12 })!;
		expect(line.map((w) => w.word)).toEqual(words);
		line.slice(1).forEach((w, i) => expect(w.x - (line[i].x + line[i].width)).toBeCloseTo(6));
		line.forEach((w) => expect(w.cx).toBeCloseTo(w.x + w.width / 2));
		const end = line.at(-1)!.x + line.at(-1)!.width;
		expect((line[0].x + end) / 2).toBeCloseTo(200);
	});

	test('keeps the line inside the figure’s margins when its centre is near an edge', () => {
		const left = wordLine(words, { centre: 0, size: 12 })!;
		expect(left[0].x).toBeGreaterThanOrEqual(6);
		const right = wordLine(words, { centre: WIDTH, size: 12 })!;
		expect(right.at(-1)!.x + right.at(-1)!.width).toBeLessThanOrEqual(WIDTH - 6 + 1e-9);
	});

	test('measures bold words wider', () => {
		const plain = wordLine(words, { centre: 200, size: 12 })!;
		const bold = wordLine(words, { centre: 200, size: 12, bold: (w) => w === 'blue' })!;
		expect(bold[2].width).toBeCloseTo(plain[2].width * BOLD_WIDTH);
		expect(bold[1].width).toBeCloseTo(plain[1].width);
	});

	test('gives nothing when the line is wider than the figure', () => {
		expect(wordLine(Array(40).fill('creature'), { centre: 200, size: 12 })).toBeNull();
	});
});
