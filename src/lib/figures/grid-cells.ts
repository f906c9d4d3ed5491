// The attention grid's cells drawn into a canvas, for grids that change on every keystroke (the
// try-it). An SVG grid of 24 words is about 2,500 elements; redrawing them as DOM takes tens of
// milliseconds, while a canvas repaints all 576 cells in well under one.
//
//   AttentionGrid (cellCanvas) ──$effect on the tweened frame──▶ drawCells(ctx, frame, colours)
//
// The picture matches AttentionGrid's SVG cells: a base square with a grid line, a fill whose
// opacity is the signed strength (blue positive, grey negative), hatching on masked cells, and the
// value in the cell when cells are big enough. Colours come from the page's CSS custom properties,
// so the light and dark themes both apply.
//
// The plumbing every canvas under the figure's SVG shares is here too (the plane's, plane-canvas.ts,
// uses it): placing it over the viewBox, watching its box and the theme, reading colours once per
// theme.

/** Colours and font the cells are drawn with, read from CSS. */
export interface CellPaint {
	low: string;
	high: string;
	neg: string;
	line: string;
	masked: string;
	fg: string;
	muted: string;
	font: string;
}

/** What to draw: the tweened frame of AttentionGrid plus the layout. */
export interface CellFrame {
	n: number;
	/** Side of a cell, in SVG units. */
	cell: number;
	/** Row-major signed fill strengths in [−1, 1]. */
	fills: number[];
	/** Row-major hatch opacity of masked cells in [0, 1]. */
	hatch: number[];
	/** Per-row fade (1 for the focused row or when nothing is focused). */
	rows: number[];
	/** Row-major text for each cell, or null when cells are too small for numbers. */
	texts: string[] | null;
	/** Which cells are masked (for the muted text colour). */
	masked: boolean[];
	/** Font size of the numbers, in SVG units. */
	numberSize: number;
}

/** The custom properties behind each colour, with the figure stylesheet's fallbacks. */
const VARS: Record<Exclude<keyof CellPaint, 'font'>, [string, string]> = {
	low: ['--cell-low', '#fbfaf7'],
	high: ['--cell-high', '#0072b2'],
	neg: ['--cell-neg', '#5a5a5a'],
	line: ['--grid-line', '#e6e3dc'],
	masked: ['--masked', '#e9e6e0'],
	fg: ['--fg', '#1f1f1f'],
	muted: ['--fg-muted', '#5a5a5a']
};

/**
 * Reads colours from an element's computed style, each a custom property with its fallback (name →
 * [variable, fallback]), and the font family.
 */
export function readColours<K extends string>(
	element: Element,
	vars: Record<K, [string, string]>
): Record<K, string> & { font: string } {
	const style = getComputedStyle(element);
	const paint = { font: style.fontFamily || 'sans-serif' } as Record<K, string> & { font: string };
	for (const [name, [variable, fallback]] of Object.entries(vars) as [K, [string, string]][]) {
		paint[name] = (style.getPropertyValue(variable).trim() || fallback) as (typeof paint)[K];
	}
	return paint;
}

/** Reads the cell colours and font from an element's computed style. */
export function readPaint(element: Element): CellPaint {
	return readColours(element, VARS);
}

/** Side of the hatch pattern's tile, in SVG units (as AttentionGrid's <pattern>). */
const HATCH = 5;

let lastHatch: { paint: CellPaint; scale: number; pattern: CanvasPattern | string } | null = null;

/** The masked-cell hatching: lines every 5 units at 45°, like the SVG pattern. Made once per theme and size. */
function hatchPattern(ctx: CanvasRenderingContext2D, paint: CellPaint, scale: number) {
	if (lastHatch?.paint === paint && lastHatch.scale === scale) return lastHatch.pattern;
	lastHatch = { paint, scale, pattern: makeHatch(ctx, paint, scale) };
	return lastHatch.pattern;
}

function makeHatch(ctx: CanvasRenderingContext2D, paint: CellPaint, scale: number) {
	if (typeof document === 'undefined') return paint.masked;
	const size = Math.max(1, Math.round(HATCH * scale));
	const tile = document.createElement('canvas');
	tile.width = size;
	tile.height = size;
	const t = tile.getContext('2d');
	if (!t) return paint.masked;
	t.fillStyle = paint.masked;
	t.fillRect(0, 0, size, size);
	t.globalAlpha = 0.45;
	t.fillStyle = paint.muted;
	t.fillRect(0, 0, Math.max(1, scale), size);
	const pattern = ctx.createPattern(tile, 'repeat');
	if (!pattern) return paint.masked;
	// Tiles are drawn in device pixels; rotate them in place like patternTransform="rotate(45)".
	pattern.setTransform(new DOMMatrix().scale(1 / scale).rotate(45));
	return pattern;
}

/**
 * Draws every cell of the grid. The context is in SVG units (already scaled to device pixels by
 * `scale`), with the grid's top-left corner at (0.5, 0.5) so outer grid lines are not clipped.
 */
export function drawCells(
	ctx: CanvasRenderingContext2D,
	frame: CellFrame,
	paint: CellPaint,
	scale: number
): void {
	const { n, cell, fills, hatch, rows, texts, masked } = frame;
	const side = n * cell;
	ctx.setTransform(scale, 0, 0, scale, 0, 0);
	ctx.clearRect(0, 0, side + 1, side + 1);
	ctx.translate(0.5, 0.5);
	// Grid lines: the whole square in the line colour, then each cell's base inset by half a line.
	ctx.globalAlpha = 1;
	ctx.fillStyle = paint.line;
	ctx.fillRect(-0.5, -0.5, side + 1, side + 1);
	ctx.fillStyle = paint.low;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < n; j++) ctx.fillRect(j * cell + 0.5, i * cell + 0.5, cell - 1, cell - 1);
	}
	// Fills: signed strength times the row's fade.
	for (let i = 0; i < n; i++) {
		const fade = rows[i] ?? 1;
		for (let j = 0; j < n; j++) {
			const fill = fills[i * n + j] ?? 0;
			const alpha = Math.abs(fill) * fade;
			if (alpha <= 0.001) continue;
			ctx.globalAlpha = Math.min(1, alpha);
			ctx.fillStyle = fill < 0 ? paint.neg : paint.high;
			ctx.fillRect(j * cell + 0.5, i * cell + 0.5, cell - 1, cell - 1);
		}
	}
	// Hatching on masked cells.
	if (hatch.some((h) => h > 0)) {
		ctx.fillStyle = hatchPattern(ctx, paint, scale);
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				const alpha = (hatch[i * n + j] ?? 0) * (rows[i] ?? 1);
				if (alpha <= 0.001) continue;
				ctx.globalAlpha = Math.min(1, alpha);
				ctx.fillRect(j * cell + 0.5, i * cell + 0.5, cell - 1, cell - 1);
			}
		}
	}
	// Numbers: text keeps full strength in every row (colour alone fades), as in the SVG grid.
	ctx.globalAlpha = 1;
	if (texts) {
		ctx.font = `${frame.numberSize}px ${paint.font}`;
		ctx.textAlign = 'center';
		ctx.textBaseline = 'middle';
		for (let i = 0; i < n; i++) {
			for (let j = 0; j < n; j++) {
				const k = i * n + j;
				ctx.fillStyle = masked[k] && (hatch[k] ?? 0) > 0.5 ? paint.muted : paint.fg;
				ctx.fillText(texts[k] ?? '', (j + 0.5) * cell, (i + 0.5) * cell);
			}
		}
	}
}

/** The CSS size of the box the canvas is placed in: the <svg>'s box, or one of the same size. */
export interface CanvasBox {
	width: number;
	height: number;
}

/**
 * Where the cells' canvas goes, in CSS pixels from the box's top-left corner, and how many CSS
 * pixels one SVG unit takes. The SVG is drawn as its viewBox's default scales it: fitted whole
 * into the box and centred (`xMidYMid meet`), so a box of another shape than the viewBox (the
 * essay's figure pane) leaves margins on two sides.
 * @param view the viewBox's size; `x0`, `y0`: the grid's top-left corner in it; `side`: its size
 */
export function placeCanvas(
	box: CanvasBox,
	view: CanvasBox,
	grid: { x0: number; y0: number; side: number }
): { left: number; top: number; size: number; unit: number } {
	const unit = Math.min(box.width / view.width, box.height / view.height);
	const offsetX = (box.width - view.width * unit) / 2;
	const offsetY = (box.height - view.height * unit) / 2;
	return {
		left: offsetX + (grid.x0 - 0.5) * unit,
		top: offsetY + (grid.y0 - 0.5) * unit,
		size: grid.side * unit,
		unit
	};
}

/** What each canvas's box measured last: a grid redrawn for a new sentence draws at once. */
const lastBox = new WeakMap<HTMLCanvasElement, CanvasBox>();

/** The last size measured for a canvas's box, if any. */
export function rememberedBox(canvas: HTMLCanvasElement): CanvasBox | undefined {
	return lastBox.get(canvas);
}

/**
 * Call `onBox` with the size of a canvas's box (its parent, the size of the <svg>) whenever layout
 * changes it, and keep it for `rememberedBox`. The observer reports the size layout already
 * computed: nothing here forces a layout. Returns a function that stops watching.
 */
export function watchBox(canvas: HTMLCanvasElement, onBox: (box: CanvasBox) => void): () => void {
	const parent = canvas.parentElement;
	if (!parent) return () => {};
	let last: CanvasBox | null = null;
	const resize = new ResizeObserver(([entry]) => {
		const rect = entry?.contentRect;
		if (!rect || rect.width <= 0 || rect.height <= 0) return;
		if (last?.width === rect.width && last.height === rect.height) return;
		last = { width: rect.width, height: rect.height };
		lastBox.set(canvas, last);
		onBox(last);
	});
	resize.observe(parent);
	return () => resize.disconnect();
}

/**
 * Call `repaint` whenever the page's theme may have changed: the theme toggle sets data-theme (and
 * a class) on <html>, and the system theme can change too. Returns a function that stops watching.
 */
export function watchTheme(repaint: () => void): () => void {
	const theme = new MutationObserver(repaint);
	theme.observe(document.documentElement, { attributeFilter: ['data-theme', 'class'] });
	const dark = window.matchMedia('(prefers-color-scheme: dark)');
	dark.addEventListener('change', repaint);
	return () => {
		theme.disconnect();
		dark.removeEventListener('change', repaint);
	};
}

/** What decides the colours: the theme attribute and class on <html>, and the system theme. */
function themeKey(): string {
	const root = document.documentElement;
	const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
	return `${root.dataset.theme ?? ''}|${root.className}|${dark ? 'dark' : 'light'}`;
}

/**
 * `read`, cached once per theme for the whole page: reading colours forces a style
 * recalculation, which a step that only swaps the sentence, or a try-it mounting its first grid,
 * should not pay. Every canvas resolves the same custom properties (set on :root by theme.css).
 * The result reads from `element` unless the theme is unchanged, or from it anyway with `fresh`.
 */
export function perTheme<T>(
	read: (element: Element) => T
): (element: Element, fresh?: boolean) => T {
	let last: { theme: string; value: T } | null = null;
	return (element, fresh = false) => {
		const theme = themeKey();
		if (!fresh && last?.theme === theme) return last.value;
		const value = read(element);
		last = { theme, value };
		return value;
	};
}

/** The cell colours (read from `element`), from the cache unless the theme changed or `fresh` is set. */
export const paintFor = perTheme(readPaint);
