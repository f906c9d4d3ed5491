// Tests that the plane's canvas drawing says what its SVG markup says: arrows, label styles, text.
import { describe, expect, it } from 'vitest';
import { arrowShapes, drawScene, labelStyle, type PlanePaint, type Shape } from './plane-canvas.ts';
import { arrowHead, arrowHeadPoints, shaftEnd } from './plane.ts';

const paint: PlanePaint = {
	fg: '#111111',
	muted: '#555555',
	bg: '#fafafa',
	e: '#333333',
	u: '#aa4477',
	v: '#007755',
	font: 'Test Sans'
};

describe('arrowShapes', () => {
	it('draws a shaft pulled back under the head, and the head Arrow.svelte draws', () => {
		const [shaft, head] = arrowShapes(0, 0, 100, 0, { ink: 'e' });
		expect(shaft).toMatchObject({ kind: 'line', x1: 0, y1: 0, ink: 'e', width: 2, alpha: 1 });
		const [ex, ey] = shaftEnd(0, 0, 100, 0, 8);
		expect(shaft).toMatchObject({ x2: ex, y2: ey });
		expect(ex).toBeLessThan(100);
		expect(head).toEqual({
			kind: 'head',
			points: arrowHeadPoints(0, 0, 100, 0, 8),
			ink: 'e',
			alpha: 1
		});
	});

	it('thin, faint, dashed and faded arrows', () => {
		const [shaft, head] = arrowShapes(0, 0, 0, 60, {
			ink: 'muted',
			thin: true,
			faint: true,
			dashed: true,
			opacity: 0.5
		});
		expect(shaft).toMatchObject({ width: 1.25, dash: [4, 3], alpha: 0.5 * 0.55 });
		expect(head).toMatchObject({ points: arrowHeadPoints(0, 0, 0, 60, 6), alpha: 0.5 * 0.55 });
	});

	it('draws nothing when invisible, and no head when too short for one', () => {
		expect(arrowShapes(0, 0, 100, 0, { ink: 'u', opacity: 0 })).toEqual([]);
		const short = arrowShapes(0, 0, 3, 0, { ink: 'u' });
		expect(short).toHaveLength(1);
		expect(short[0]).toMatchObject({ kind: 'line', x2: 3 });
	});

	it('uses the same head as the SVG path', () => {
		const points = arrowHeadPoints(10, 20, 80, -15, 8)!;
		const path = arrowHead(10, 20, 80, -15, 8);
		const numbers = path.match(/-?\d+\.\d+/g)!.map(Number);
		expect(numbers).toEqual(points.flat().map((n) => Number(n.toFixed(2))));
	});
});

describe('labelStyle', () => {
	it('reads size, weight, slant and colour from the SVG classes', () => {
		expect(labelStyle('fig-label fig-u fig-strong fig-halo')).toEqual({
			size: 12.5,
			weight: 650,
			italic: false,
			ink: 'u'
		});
		expect(labelStyle('fig-label fig-muted fig-italic')).toEqual({
			size: 12.5,
			weight: 400,
			italic: true,
			ink: 'muted'
		});
		expect(labelStyle('fig-small fig-v fig-num')).toMatchObject({ size: 11.5, ink: 'v' });
		expect(labelStyle('fig-label fig-unknown')).toMatchObject({ italic: true, ink: 'muted' });
		expect(labelStyle('fig-axis fig-muted fig-strong')).toMatchObject({ size: 12, weight: 650 });
		expect(labelStyle('fig-label')).toMatchObject({ ink: 'fg' });
	});

	it('works a class list out once: a tween asks for every label on every frame', () => {
		const first = labelStyle('fig-label fig-e fig-strong');
		expect(labelStyle('fig-label fig-e fig-strong')).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		// Another list is another style, even with the same classes in another order.
		expect(labelStyle('fig-strong fig-label fig-e')).not.toBe(first);
		expect(labelStyle('fig-strong fig-label fig-e')).toEqual(first);
	});
});

/** A 2D context that records what is drawn; every character measures 6 units at 12 px. */
function recorder() {
	const calls: string[] = [];
	const state = {
		font: '',
		fillStyle: '',
		strokeStyle: '',
		globalAlpha: 1,
		lineWidth: 1,
		lineCap: 'butt',
		lineJoin: 'miter',
		textAlign: 'start',
		textBaseline: 'alphabetic',
		letterSpacing: '0px'
	};
	const ctx = {
		...state,
		canvas: { width: 800, height: 800 },
		setTransform: (...m: number[]) => calls.push(`transform ${m.join(',')}`),
		clearRect: () => calls.push('clear'),
		setLineDash: (d: number[]) => calls.push(`dash ${d.join(',')}`),
		beginPath: () => {},
		moveTo: (x: number, y: number) => calls.push(`move ${x},${y}`),
		lineTo: (x: number, y: number) => calls.push(`line ${x},${y}`),
		closePath: () => {},
		arc: (x: number, y: number, r: number) => calls.push(`arc ${x},${y},${r}`),
		stroke() {
			calls.push(`stroke ${this.strokeStyle} w${this.lineWidth} a${this.globalAlpha}`);
		},
		fill() {
			calls.push(`fill ${this.fillStyle} a${this.globalAlpha}`);
		},
		measureText(text: string) {
			calls.push(`measure ${text} ${this.font}`);
			return { width: text.length * 6 * (Number(/([\d.]+)px/.exec(this.font)?.[1]) / 12) };
		},
		strokeText(text: string, x: number, y: number) {
			calls.push(`strokeText ${text} ${x},${y} ${this.font} ${this.strokeStyle}`);
		},
		fillText(text: string, x: number, y: number) {
			calls.push(`fillText ${text} ${x},${y} ${this.font} ${this.fillStyle} a${this.globalAlpha}`);
		}
	};
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

describe('drawScene', () => {
	it('clears, then draws each shape in order in its role’s colour', () => {
		const { ctx, calls } = recorder();
		const shapes: Shape[] = [
			{
				kind: 'line',
				x1: 0,
				y1: 0,
				x2: 10,
				y2: 0,
				ink: 'muted',
				width: 1,
				alpha: 0.7,
				dash: [3, 3]
			},
			{ kind: 'dot', x: 5, y: 5, r: 2, ink: 'fg', alpha: 1 },
			{ kind: 'line', x1: 0, y1: 0, x2: 10, y2: 10, ink: 'u', width: 2, alpha: 0 }
		];
		drawScene(ctx, shapes, paint, 2);
		expect(calls.slice(0, 3)).toEqual(['transform 1,0,0,1,0,0', 'clear', 'transform 2,0,0,2,0,0']);
		expect(calls).toContain('dash 3,3');
		expect(calls).toContain('stroke #555555 w1 a0.7');
		expect(calls).toContain('arc 5,5,2');
		expect(calls).toContain('fill #111111 a1');
		// An invisible shape is skipped.
		expect(calls.filter((c) => c.startsWith('stroke'))).toHaveLength(1);
	});

	it('sets text like SVG: anchored, a halo first, then the ink, and a lowered subscript', () => {
		const { ctx, calls } = recorder();
		drawScene(
			ctx,
			[
				{
					kind: 'text',
					text: '79% v',
					sub: 'hot',
					x: 100,
					y: 50,
					anchor: 'middle',
					size: 12,
					weight: 650,
					italic: false,
					ink: 'v',
					alpha: 1,
					halo: true
				}
			],
			paint,
			1
		);
		const text = calls.filter((c) => c.includes('Text'));
		// 5 characters at 12 px (30 units) and 3 at 11 px (16.5): 46.5 wide, centred on x = 100.
		const left = 100 - 46.5 / 2;
		expect(text).toEqual([
			`strokeText 79% v ${left},50 650 12px Test Sans #fafafa`,
			`strokeText hot ${left + 30},52.5 650 11px Test Sans #fafafa`,
			`fillText 79% v ${left},50 650 12px Test Sans #007755 a1`,
			`fillText hot ${left + 30},52.5 650 11px Test Sans #007755 a1`
		]);
	});

	it('measures a label once, however many frames draw it', () => {
		const label = (text: string, size: number): Shape => ({
			kind: 'text',
			text,
			x: 10,
			y: 10,
			anchor: 'middle',
			size,
			weight: 400,
			italic: false,
			ink: 'fg',
			alpha: 1,
			halo: false,
			spacing: 0.5
		});
		const { ctx, calls } = recorder();
		for (let frame = 0; frame < 3; frame++)
			drawScene(ctx, [label('measured once', 12.5), label('measured once', 12.5)], paint, 1);
		expect(calls.filter((c) => c.startsWith('measure measured once'))).toHaveLength(1);
		// Another size is another width, measured again, and the spacing is set before drawing.
		drawScene(ctx, [label('measured once', 13.5)], paint, 1);
		expect(calls.filter((c) => c.startsWith('measure measured once'))).toHaveLength(2);
		expect((ctx as unknown as { letterSpacing: string }).letterSpacing).toBe('0.5px');
		expect(calls.filter((c) => c.startsWith('fillText measured once'))).toHaveLength(7);
	});

	it('italic labels and end-anchored text', () => {
		const { ctx, calls } = recorder();
		drawScene(
			ctx,
			[
				{
					kind: 'text',
					text: 'food',
					x: 200,
					y: 10,
					anchor: 'end',
					size: 12,
					weight: 400,
					italic: true,
					ink: 'muted',
					alpha: 0.5,
					halo: false
				}
			],
			paint,
			1
		);
		expect(calls.filter((c) => c.includes('Text'))).toEqual([
			'fillText food 176,10 italic 400 12px Test Sans #555555 a0.5'
		]);
	});
});
