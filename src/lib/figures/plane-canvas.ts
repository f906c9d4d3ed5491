// The embedding plane drawn into a canvas, for the live essay figure: while a step's arrows move,
// each frame redraws one bitmap instead of restyling, laying out and repainting a hundred SVG
// elements (their attributes changing on every frame of a tween).
//
//   EmbeddingPlane (canvas) ──$derived scene: Shape[]──▶ drawScene(ctx, shapes, paint, scale)
//
// The shapes say what EmbeddingPlane's SVG markup says (the server, readers without JavaScript
// and embeds keep the SVG): lines, arrowheads, the origin dot and text with a halo, in the
// viewBox's units, coloured by role from the page's CSS custom properties (both themes apply).
import { perTheme, readColours } from './grid-cells.ts';
import { arrowHeadPoints, shaftEnd } from './plane.ts';

/** The colours the plane uses, and the figure's font, read from CSS. */
export interface PlanePaint {
	fg: string;
	muted: string;
	bg: string;
	e: string;
	u: string;
	v: string;
	font: string;
}

/** A colour of the paint, by role. */
export type Ink = Exclude<keyof PlanePaint, 'font'>;

/** One thing to draw, in viewBox units. `alpha` multiplies into the shape's own opacity. */
export type Shape =
	| {
			kind: 'line';
			x1: number;
			y1: number;
			x2: number;
			y2: number;
			ink: Ink;
			width: number;
			alpha: number;
			dash?: number[];
			round?: boolean;
	  }
	| { kind: 'head'; points: [number, number][]; ink: Ink; alpha: number }
	| { kind: 'dot'; x: number; y: number; r: number; ink: Ink; alpha: number }
	| {
			kind: 'text';
			text: string;
			x: number;
			y: number;
			anchor: 'start' | 'middle' | 'end';
			size: number;
			weight: number;
			italic: boolean;
			ink: Ink;
			alpha: number;
			/** A halo in the background colour behind the letters, as `.fig-halo`. */
			halo: boolean;
			/** Smaller text set after it, lowered (the SVG's <tspan dy="2.5" font-size="11">). */
			sub?: string;
			/** Letter spacing in units (the axis titles' 0.01em). */
			spacing?: number;
	  };

/** The custom properties behind each colour, with figure.css's fallbacks. */
const VARS: Record<Ink, [string, string]> = {
	fg: ['--fg', '#1f1f1f'],
	muted: ['--fg-muted', '#5a5a5a'],
	bg: ['--bg', '#fbfaf7'],
	e: ['--c-embedding', '#3a3b40'],
	u: ['--c-update', '#a8457f'],
	v: ['--c-value', '#00785a']
};

/** Reads the plane's colours and font from an element's computed style. */
export function readPlanePaint(element: Element): PlanePaint {
	return readColours(element, VARS);
}

/** The plane's colours (read from `element`), once per theme for the page unless `fresh` is set. */
export const planePaintFor = perTheme(readPlanePaint);

/** A label's text style, as its SVG classes set it. */
export interface LabelStyle {
	readonly size: number;
	readonly weight: number;
	readonly italic: boolean;
	readonly ink: Ink;
}

/** Each class list's style, worked out once. */
const styles = new Map<string, LabelStyle>();

/**
 * The style of a label from its SVG classes (figure.css): size, weight, slant and colour. Text is
 * 12.5 units in the foreground colour unless a class says otherwise. Worked out once per class
 * list (a figure has a handful): a tween asks again for every label on every frame.
 */
export function labelStyle(classes: string): LabelStyle {
	let style = styles.get(classes);
	if (!style) {
		const names = new Set(classes.split(/\s+/));
		const has = (name: string) => names.has(name);
		const ink: Ink = has('fig-u')
			? 'u'
			: has('fig-e')
				? 'e'
				: has('fig-v')
					? 'v'
					: has('fig-muted') || has('fig-unknown')
						? 'muted'
						: 'fg';
		style = Object.freeze({
			size: has('fig-small') ? 11.5 : has('fig-axis') ? 12 : 12.5,
			weight: has('fig-strong') ? 650 : 400,
			italic: has('fig-italic') || has('fig-unknown'),
			ink
		});
		styles.set(classes, style);
	}
	return style;
}

/**
 * The shapes of one arrow, as Arrow.svelte draws it: a shaft pulled back under a filled head,
 * 2 units wide (1.25 thin), faint arrows at 55%, dashed ones 4-3. Nothing when `opacity` is ~0.
 */
export function arrowShapes(
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	{
		ink,
		thin = false,
		faint = false,
		dashed = false,
		opacity = 1
	}: { ink: Ink; thin?: boolean; faint?: boolean; dashed?: boolean; opacity?: number }
): Shape[] {
	if (opacity <= 0.001) return [];
	const head = thin ? 6 : 8;
	const alpha = opacity * (faint ? 0.55 : 1);
	const [ex, ey] = shaftEnd(x1, y1, x2, y2, head);
	const out: Shape[] = [
		{
			kind: 'line',
			x1,
			y1,
			x2: ex,
			y2: ey,
			ink,
			width: thin ? 1.25 : 2,
			alpha,
			dash: dashed ? [4, 3] : undefined,
			round: true
		}
	];
	const points = arrowHeadPoints(x1, y1, x2, y2, head);
	if (points) out.push({ kind: 'head', points, ink, alpha });
	return out;
}

/** The canvas font for a text shape. */
function fontOf(size: number, weight: number, italic: boolean, family: string): string {
	return `${italic ? 'italic ' : ''}${weight} ${size}px ${family}`;
}

type Spacing = CanvasRenderingContext2D & { letterSpacing?: string };

/**
 * Draws the shapes in order into a canvas covering the viewBox, `scale` device pixels per unit.
 * Clears it first.
 */
export function drawScene(
	ctx: CanvasRenderingContext2D,
	shapes: Shape[],
	paint: PlanePaint,
	scale: number
): void {
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.globalAlpha = 1;
	ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
	ctx.setTransform(scale, 0, 0, scale, 0, 0);
	ctx.lineJoin = 'round';
	for (const s of shapes) {
		if (s.alpha <= 0.001) continue;
		ctx.globalAlpha = Math.min(1, s.alpha);
		if (s.kind === 'line') {
			ctx.strokeStyle = paint[s.ink];
			ctx.lineWidth = s.width;
			ctx.lineCap = s.round ? 'round' : 'butt';
			ctx.setLineDash(s.dash ?? []);
			ctx.beginPath();
			ctx.moveTo(s.x1, s.y1);
			ctx.lineTo(s.x2, s.y2);
			ctx.stroke();
		} else if (s.kind === 'head') {
			ctx.fillStyle = paint[s.ink];
			ctx.beginPath();
			s.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
			ctx.closePath();
			ctx.fill();
		} else if (s.kind === 'dot') {
			ctx.fillStyle = paint[s.ink];
			ctx.beginPath();
			ctx.arc(s.x, s.y, s.r, 0, 2 * Math.PI);
			ctx.fill();
		} else {
			drawText(ctx as Spacing, s, paint);
		}
	}
	ctx.setLineDash([]);
	ctx.globalAlpha = 1;
}

/** Text widths already measured, by font, letter spacing and text; forgotten when a font loads. */
const widths = new Map<string, number>();
let watchingFonts = false;

/**
 * The width of `text` set in `font` with `spacing` px between letters, measured once: a tween
 * redraws the same labels on every frame, and measuring them again cost about a millisecond a
 * frame on a fast desktop. May change the context's font and letter spacing.
 */
function measure(ctx: Spacing, font: string, spacing: number, text: string): number {
	if (!watchingFonts && typeof document !== 'undefined' && document.fonts) {
		watchingFonts = true;
		document.fonts.addEventListener('loadingdone', () => widths.clear());
	}
	const key = `${font}|${spacing}|${text}`;
	const known = widths.get(key);
	if (known !== undefined) return known;
	if (widths.size > 1000) widths.clear();
	ctx.font = font;
	if ('letterSpacing' in ctx) ctx.letterSpacing = `${spacing}px`;
	const width = ctx.measureText(text).width;
	widths.set(key, width);
	return width;
}

function drawText(ctx: Spacing, s: Extract<Shape, { kind: 'text' }>, paint: PlanePaint): void {
	const main = fontOf(s.size, s.weight, s.italic, paint.font);
	const small = fontOf(11, s.weight, s.italic, paint.font);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	const spacing = s.spacing ?? 0;
	const mainWidth = measure(ctx, main, spacing, s.text);
	const subWidth = s.sub ? measure(ctx, small, spacing, s.sub) : 0;
	const total = mainWidth + subWidth;
	const left = s.anchor === 'start' ? s.x : s.anchor === 'middle' ? s.x - total / 2 : s.x - total;
	if ('letterSpacing' in ctx) ctx.letterSpacing = `${spacing}px`;
	const parts: [string, string, number, number][] = [[s.text, main, left, s.y]];
	if (s.sub) parts.push([s.sub, small, left + mainWidth, s.y + 2.5]);
	if (s.halo) {
		ctx.strokeStyle = paint.bg;
		ctx.lineWidth = 3.5;
		ctx.setLineDash([]);
		for (const [text, font, x, y] of parts) {
			ctx.font = font;
			ctx.strokeText(text, x, y);
		}
	}
	ctx.fillStyle = paint[s.ink];
	for (const [text, font, x, y] of parts) {
		ctx.font = font;
		ctx.fillText(text, x, y);
	}
}
