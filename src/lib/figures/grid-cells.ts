// The attention grid's cells drawn into a canvas, for grids that change on every keystroke (the
// try-it). An SVG grid of 24 words is about 2,500 elements; redrawing them as DOM takes tens of
// milliseconds, while a canvas repaints all 576 cells in well under one.
//
//   AttentionGrid (cellCanvas) ──$effect on the tweened frame──▶ drawCells(ctx, frame, colours)
//        drawn before, the same way? ──no──▶ clear the canvas, draw every row
//                 │yes
//                 ▼
//        rows that changed (changedRows) ──▶ each in its band of pixels (a slider moves one row)
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
	/** The share of its colour a row out of focus keeps (--row-fade: more in dark mode). */
	rowFade: number;
}

/** What to draw: the tweened frame of AttentionGrid plus the layout. */
export interface CellFrame {
	/** Rows. */
	n: number;
	/** Columns, when not n (cross-attention's grid is the source's words wide). */
	cols?: number;
	/** Side of a cell, in SVG units. */
	cell: number;
	/** Row-major signed fill strengths in [−1, 1]. */
	fills: number[];
	/** Row-major hatch opacity of masked cells in [0, 1]. */
	hatch: number[];
	/**
	 * Per-row focus: 1 for the focused row (or every row when nothing is focused), 0 for a row out
	 * of focus, between the two while moving. See rowStrength.
	 */
	rows: number[];
	/** Row-major text for each cell, or null when cells are too small for numbers. */
	texts: string[] | null;
	/** Which cells are masked (for the muted text colour). */
	masked: boolean[];
	/** Font size of the numbers, in SVG units. */
	numberSize: number;
	/**
	 * Where the grid's top-left corner is in the SVG, in units: the hatching lines up with the
	 * SVG's pattern, which starts at the SVG's origin. (0, 0) when left out.
	 */
	origin?: { x: number; y: number };
	/**
	 * Where the grid's corner (the outer edge of its outer grid line) is in the canvas, in whole
	 * device pixels: a canvas over the whole viewBox (the live figure's, which keeps one size
	 * from step to step) has the grid somewhere inside it. (0, 0) when left out: a canvas the
	 * grid's size.
	 */
	offset?: { x: number; y: number };
}

/** The custom properties behind each colour, with the figure stylesheet's fallbacks. */
const VARS: Record<Exclude<keyof CellPaint, 'font' | 'rowFade'>, [string, string]> = {
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
	vars: Record<K, [string, string]>,
	style: CSSStyleDeclaration = getComputedStyle(element)
): Record<K, string> & { font: string } {
	const paint = { font: style.fontFamily || 'sans-serif' } as Record<K, string> & { font: string };
	for (const [name, [variable, fallback]] of Object.entries(vars) as [K, [string, string]][]) {
		paint[name] = (style.getPropertyValue(variable).trim() || fallback) as (typeof paint)[K];
	}
	return paint;
}

/** A row out of focus keeps this share of its colour where --row-fade is unset (light mode's). */
export const ROW_FADE = 0.45;

/** Reads the cell colours, the font and the out-of-focus fade from an element's computed style. */
export function readPaint(element: Element): CellPaint {
	const style = getComputedStyle(element);
	const fade = Number.parseFloat(style.getPropertyValue('--row-fade'));
	return {
		...readColours(element, VARS, style),
		rowFade: Number.isFinite(fade) && fade >= 0 && fade <= 1 ? fade : ROW_FADE
	};
}

/**
 * How much of its colour a row shows: all of it in focus (`focus` 1), `rowFade` out of focus
 * (`focus` 0), in proportion between. Its numbers never fade.
 */
export function rowStrength(focus: number, rowFade: number): number {
	return 1 - (1 - focus) * (1 - rowFade);
}

/** Side of the hatch pattern's tile, in SVG units (as AttentionGrid's <pattern>). */
const HATCH = 5;

let lastHatch: {
	paint: CellPaint;
	key: string;
	pattern: CanvasPattern | string;
} | null = null;

/**
 * The masked-cell hatching: lines every 5 units at 45°, like the SVG pattern, anchored where the
 * SVG's is (its user space's origin, `origin` units above and left of the grid's corner). Made once
 * per theme, size and place.
 */
function hatchPattern(
	ctx: CanvasRenderingContext2D,
	paint: CellPaint,
	scale: number,
	origin: { x: number; y: number }
) {
	const key = `${scale}|${origin.x}|${origin.y}`;
	if (lastHatch?.paint === paint && lastHatch.key === key) return lastHatch.pattern;
	lastHatch = { paint, key, pattern: makeHatch(ctx, paint, scale, origin) };
	return lastHatch.pattern;
}

function makeHatch(
	ctx: CanvasRenderingContext2D,
	paint: CellPaint,
	scale: number,
	origin: { x: number; y: number }
) {
	if (typeof document === 'undefined') return paint.masked;
	const size = Math.max(1, Math.round(HATCH * scale));
	const tile = document.createElement('canvas');
	tile.width = size;
	tile.height = size;
	const t = tile.getContext('2d');
	if (!t) return paint.masked;
	t.fillStyle = paint.masked;
	t.fillRect(0, 0, size, size);
	// The SVG's line: 1 unit wide, centred on the tile's left edge (so half of it wraps round to
	// the right edge), at 0.45 opacity.
	t.globalAlpha = 0.45;
	t.fillStyle = paint.muted;
	const half = Math.max(0.5, size / HATCH / 2);
	t.fillRect(0, 0, half, size);
	t.fillRect(size - half, 0, half, size);
	const pattern = ctx.createPattern(tile, 'repeat');
	if (!pattern) return paint.masked;
	// The tile is in device pixels: scale it to exactly 5 units (whatever the rounding of its
	// pixels) and rotate it like patternTransform="rotate(45)", about the SVG's origin.
	pattern.setTransform(
		new DOMMatrix()
			.translate(-origin.x, -origin.y)
			.scale(HATCH / size)
			.rotate(45)
	);
	return pattern;
}

/** A 2D context to draw an offscreen layer in, of the given size in device pixels. */
export type LayerMaker = (width: number, height: number) => CanvasRenderingContext2D | null;

/** A canvas element in a browser; none elsewhere (the hatching is then painted cell by cell). */
const makeLayer: LayerMaker = (width, height) => {
	if (typeof document === 'undefined') return null;
	const layer = document.createElement('canvas');
	layer.width = width;
	layer.height = height;
	return layer.getContext('2d');
};

/**
 * The hatching of one grid canvas, painted once at full strength into a canvas of its own, and
 * what it was painted for. Filling cells with the rotated pattern is the costliest thing a software
 * canvas does here (about 5 ms for a 24-word grid at 1 device pixel per CSS pixel, over 20 ms at
 * 3), and the hatched cells rarely change while the reader types or moves a slider: copying the
 * layer's rows back costs well under a millisecond.
 */
const hatchLayers = new WeakMap<object, { key: string; layer: CanvasRenderingContext2D }>();

/** Two strengths closer than this draw the same (a 256th, one step of an 8-bit channel). */
const SAME_ALPHA = 1 / 512;

/** What a canvas shows: the frame it was last drawn with, and how (drawCells). */
export interface Drawn {
	frame: CellFrame;
	paint: CellPaint;
	scale: number;
	/** The canvas's size when drawn, in device pixels: resizing a canvas clears it. */
	width: number;
	height: number;
}

const drawnOn = new WeakMap<object, Drawn>();

/**
 * Forget what a canvas shows, so the next drawCells draws all of it: for a canvas cleared by
 * something else (a 2D context lost and restored comes back blank).
 */
export function forgetDrawn(canvas: object): void {
	drawnOn.delete(canvas);
}

function samePoint(
	a: { x: number; y: number } | undefined,
	b: { x: number; y: number } | undefined
) {
	return (a?.x ?? 0) === (b?.x ?? 0) && (a?.y ?? 0) === (b?.y ?? 0);
}

/**
 * The rows whose cells look different in `now` than in `before` (fill, hatching, number, masking,
 * or the row's focus), in order; null when the whole grid must be drawn again: nothing drawn
 * before, or drawn at another size, place, scale, font size or in other colours.
 */
export function changedRows(before: Drawn | undefined, now: Drawn): number[] | null {
	if (!before) return null;
	const a = before.frame;
	const b = now.frame;
	const m = b.cols ?? b.n;
	if (
		before.paint !== now.paint ||
		before.scale !== now.scale ||
		before.width !== now.width ||
		before.height !== now.height ||
		a.n !== b.n ||
		(a.cols ?? a.n) !== m ||
		a.cell !== b.cell ||
		a.numberSize !== b.numberSize ||
		(a.texts === null) !== (b.texts === null) ||
		!samePoint(a.offset, b.offset) ||
		!samePoint(a.origin, b.origin)
	) {
		return null;
	}
	const rows: number[] = [];
	for (let i = 0; i < b.n; i++) {
		let same = (a.rows[i] ?? 1) === (b.rows[i] ?? 1);
		for (let k = i * m; same && k < (i + 1) * m; k++) {
			same =
				(a.fills[k] ?? 0) === (b.fills[k] ?? 0) &&
				(a.hatch[k] ?? 0) === (b.hatch[k] ?? 0) &&
				Boolean(a.masked[k]) === Boolean(b.masked[k]) &&
				(a.texts?.[k] ?? '') === (b.texts?.[k] ?? '');
		}
		if (!same) rows.push(i);
	}
	return rows;
}

/**
 * Draws the grid's cells. The first time, and whenever its size, place, scale or colours change,
 * it clears the whole canvas and draws every cell. Otherwise it draws again only the rows whose
 * cells changed, each in a band of whole device pixels reaching a little into the rows above and
 * below: a query slider moves one row of the try-it's grid, and a software canvas costs the
 * browser the pixels drawn (rasterised as the frame is committed, about 1 ms for a 24-word grid
 * on the benchmark machine), so one row costs a fraction of that. In its band, a row is drawn as
 * the whole grid would be there (base, lines, the row and its neighbours), and the band's edges
 * are rows of pixels no edge or number crosses: the pixels are those of a whole redraw (an e2e
 * test compares them).
 *
 * The context is in SVG units (scaled to device pixels by `scale`), with the grid's top-left
 * corner at (0.5, 0.5) from `frame.offset`, so outer grid lines are not clipped. `layer` makes
 * the offscreen canvas the hatching is kept in (tests pass their own).
 */
export function drawCells(
	ctx: CanvasRenderingContext2D,
	frame: CellFrame,
	paint: CellPaint,
	scale: number,
	layer: LayerMaker = makeLayer
): void {
	const width = ctx.canvas?.width ?? 0;
	const height = ctx.canvas?.height ?? 0;
	const owner = ctx.canvas ?? ctx;
	const now: Drawn = { frame, paint, scale, width, height };
	const changed = changedRows(drawnOn.get(owner), now);
	drawnOn.set(owner, now);
	const { n, cell } = frame;
	const offset = frame.offset ?? { x: 0, y: 0 };
	// More than half the rows: drawing them all is fewer calls.
	if (changed && changed.length * 2 <= n) {
		/** Device y of a unit edge (row k's fill spans k × cell + 1 to (k + 1) × cell). */
		const at = (units: number) => offset.y + units * scale;
		for (const i of changed) {
			// From the last row of pixels that the row above fills whole to the first that the row
			// below fills whole: nothing there is partly covered (no edge, and the numbers sit
			// higher or lower), so the band's edges blend exactly as in a whole redraw.
			const top = i === 0 ? 0 : Math.max(0, Math.floor(at(i * cell)) - 1);
			const bottom = i === n - 1 ? height : Math.min(height, Math.ceil(at((i + 1) * cell + 1)) + 1);
			if (bottom <= top) continue;
			ctx.save();
			ctx.setTransform(1, 0, 0, 1, 0, 0);
			ctx.beginPath();
			ctx.rect(0, top, width, bottom - top);
			ctx.clip();
			ctx.clearRect(0, top, width, bottom - top);
			paintRows(ctx, frame, paint, scale, layer, Math.max(0, i - 1), Math.min(n - 1, i + 1));
			ctx.restore();
		}
		return;
	}
	ctx.setTransform(1, 0, 0, 1, 0, 0);
	ctx.globalAlpha = 1;
	ctx.clearRect(0, 0, width, height);
	paintRows(ctx, frame, paint, scale, layer, 0, n - 1);
}

/**
 * Paints the grid's base and lines, then the fills, hatching and numbers of rows `from` to `to`
 * (drawCells clears first, and clips when it draws a band).
 */
function paintRows(
	ctx: CanvasRenderingContext2D,
	frame: CellFrame,
	paint: CellPaint,
	scale: number,
	layer: LayerMaker,
	from: number,
	to: number
): void {
	const { n, cell, fills, hatch, rows, texts, masked } = frame;
	const m = frame.cols ?? n;
	const across = m * cell;
	const down = n * cell;
	const offset = frame.offset ?? { x: 0, y: 0 };
	ctx.setTransform(scale, 0, 0, scale, offset.x, offset.y);
	ctx.translate(0.5, 0.5);
	// The base colour, then the grid lines between cells (one unit wide, centred on the cell
	// edges): n + m + 2 rectangles rather than one per cell.
	ctx.globalAlpha = 1;
	ctx.fillStyle = paint.low;
	ctx.fillRect(-0.5, -0.5, across + 1, down + 1);
	ctx.fillStyle = paint.line;
	for (let i = 0; i <= n; i++) ctx.fillRect(-0.5, i * cell - 0.5, across + 1, 1);
	for (let j = 0; j <= m; j++) ctx.fillRect(j * cell - 0.5, -0.5, 1, down + 1);
	// Fills: signed strength times the row's strength.
	for (let i = from; i <= to; i++) {
		const fade = rowStrength(rows[i] ?? 1, paint.rowFade);
		for (let j = 0; j < m; j++) {
			const fill = fills[i * m + j] ?? 0;
			const alpha = Math.abs(fill) * fade;
			if (alpha <= 0.001) continue;
			ctx.globalAlpha = Math.min(1, alpha);
			ctx.fillStyle = fill < 0 ? paint.neg : paint.high;
			ctx.fillRect(j * cell + 0.5, i * cell + 0.5, cell - 1, cell - 1);
		}
	}
	drawHatch(ctx, frame, paint, scale, layer, from, to);
	// Numbers: text keeps full strength in every row (colour alone fades), as in the SVG grid.
	ctx.globalAlpha = 1;
	if (texts) {
		ctx.font = `${frame.numberSize}px ${paint.font}`;
		ctx.textAlign = 'center';
		// On the baseline, 0.35 em below the centre, as the SVG's text (dy="0.35em") sits.
		ctx.textBaseline = 'alphabetic';
		const drop = 0.35 * frame.numberSize;
		ctx.lineWidth = 3;
		ctx.lineJoin = 'round';
		ctx.strokeStyle = paint.masked;
		for (let i = from; i <= to; i++) {
			const fade = rowStrength(rows[i] ?? 1, paint.rowFade);
			for (let j = 0; j < m; j++) {
				const k = i * m + j;
				const x = (j + 0.5) * cell;
				const y = (i + 0.5) * cell + drop;
				const muted = masked[k] && (hatch[k] ?? 0) > 0.5;
				if (muted) {
					// A halo in the hatching's colour, as strong as the hatching here, parts its lines
					// around the digits (the lines' own colour): as the SVG's .fig-num-halo.
					ctx.globalAlpha = Math.min(1, (hatch[k] ?? 0) * fade);
					ctx.strokeText(texts[k] ?? '', x, y);
					ctx.globalAlpha = 1;
				}
				ctx.fillStyle = muted ? paint.muted : paint.fg;
				ctx.fillText(texts[k] ?? '', x, y);
			}
		}
	}
}

/**
 * Hatching on masked cells, each at its hatch strength times its row's strength. The hatched cells
 * are painted at full strength into an offscreen layer (again only when which cells are hatched,
 * the size or the colours change); a row whose hatched cells share one strength is then copied back
 * as one band at that strength. A row with several strengths, or no layer (outside a browser), is
 * filled cell by cell with the pattern. Only rows `from` to `to` are drawn.
 */
function drawHatch(
	ctx: CanvasRenderingContext2D,
	frame: CellFrame,
	paint: CellPaint,
	scale: number,
	layer: LayerMaker,
	from = 0,
	to = frame.n - 1
): void {
	const { n, cell, hatch, rows } = frame;
	const m = frame.cols ?? n;
	const origin = frame.origin ?? { x: 0, y: 0 };
	const offset = frame.offset ?? { x: 0, y: 0 };
	const alpha = (k: number) =>
		Math.min(1, (hatch[k] ?? 0) * rowStrength(rows[Math.floor(k / m)] ?? 1, paint.rowFade));
	const shown = hatch.map((_, k) => alpha(k) > 0.001);
	const owner = ctx.canvas ?? ctx;
	// Nothing hatched: the layer is kept as it is, for the next grid with a mask (the live figure
	// goes back and forth between grids with and without one). A new offscreen canvas would cost
	// that step change its allocation and, with the same cells hatched, the painting too.
	if (!shown.includes(true)) return;
	const fillCell = (target: CanvasRenderingContext2D, k: number) =>
		target.fillRect((k % m) * cell + 0.5, Math.floor(k / m) * cell + 0.5, cell - 1, cell - 1);
	const width = ctx.canvas?.width ?? 0;
	const height = ctx.canvas?.height ?? 0;
	const key = [
		n,
		m,
		cell,
		scale,
		width,
		height,
		origin.x,
		origin.y,
		offset.x,
		offset.y,
		paint.masked,
		paint.muted,
		shown.join()
	].join('|');
	let kept = hatchLayers.get(owner);
	if (kept?.key !== key) {
		const next =
			kept?.layer.canvas.width === width && kept.layer.canvas.height === height
				? kept.layer
				: layer(width, height);
		if (next) {
			next.setTransform(1, 0, 0, 1, 0, 0);
			next.clearRect(0, 0, width, height);
			next.setTransform(scale, 0, 0, scale, offset.x, offset.y);
			next.translate(0.5, 0.5);
			next.globalAlpha = 1;
			next.fillStyle = hatchPattern(next, paint, scale, origin);
			shown.forEach((on, k) => on && fillCell(next, k));
			kept = { key, layer: next };
			hatchLayers.set(owner, kept);
		} else {
			kept = undefined;
			hatchLayers.delete(owner);
		}
	}
	ctx.fillStyle = hatchPattern(ctx, paint, scale, origin);
	for (let i = from; i <= to; i++) {
		const row = shown.slice(i * m, (i + 1) * m).flatMap((on, j) => (on ? [i * m + j] : []));
		if (row.length === 0) continue;
		const strength = alpha(row[0]);
		if (kept && row.every((k) => Math.abs(alpha(k) - strength) < SAME_ALPHA)) {
			// The row's band, from the middle of the grid line above it to the one below, in device
			// pixels: only this row's cells are painted in it.
			const top = Math.max(0, offset.y + Math.round((i * cell + 0.5) * scale));
			const bottom = Math.min(height, offset.y + Math.round(((i + 1) * cell + 0.5) * scale));
			if (bottom <= top) continue;
			ctx.save();
			ctx.setTransform(1, 0, 0, 1, 0, 0);
			ctx.globalAlpha = strength;
			ctx.drawImage(kept.layer.canvas, 0, top, width, bottom - top, 0, top, width, bottom - top);
			ctx.restore();
			continue;
		}
		for (const k of row) {
			ctx.globalAlpha = alpha(k);
			fillCell(ctx, k);
		}
	}
}

/** The CSS size of the box the canvas is placed in: the <svg>'s box, or one of the same size. */
export interface CanvasBox {
	width: number;
	height: number;
}

/**
 * Where a canvas covering the viewBox goes, in CSS pixels from its box's top-left corner, and how
 * many CSS pixels one SVG unit takes; null while there is no box, or an empty one (not laid out
 * yet). The SVG is drawn as its viewBox's default scales it: fitted whole into the box and centred
 * (`xMidYMid meet`), so a box of another shape than the viewBox (the essay's figure pane) leaves
 * margins on two sides.
 */
export function placeViewBox(
	box: CanvasBox | null | undefined,
	view: CanvasBox
): { left: number; top: number; width: number; height: number; unit: number } | null {
	if (!box || !(box.width > 0) || !(box.height > 0)) return null;
	const unit = Math.min(box.width / view.width, box.height / view.height);
	return {
		left: (box.width - view.width * unit) / 2,
		top: (box.height - view.height * unit) / 2,
		width: view.width * unit,
		height: view.height * unit,
		unit
	};
}

/**
 * The size in device pixels of a canvas that `place` (from placeViewBox) sizes in CSS pixels: at
 * least one pixel each way, `ratio` device pixels to the CSS pixel.
 */
export function devicePixels(
	place: { width: number; height: number },
	ratio = window.devicePixelRatio || 1
): { width: number; height: number } {
	return {
		width: Math.max(1, Math.round(place.width * ratio)),
		height: Math.max(1, Math.round(place.height * ratio))
	};
}

/** Whether a canvas has never been given a size: it is still the HTML default, 300 × 150. */
export function neverSized(canvas: { width: number; height: number }): boolean {
	return canvas.width === 300 && canvas.height === 150;
}

/**
 * Give a canvas that has never been sized the size `size` in device pixels, and make its backing
 * store now. The first drawing into a canvas of a new size allocates its pixels (4 to 5 ms on the
 * benchmark machine at 520 × 520), which would otherwise land in the frame of the first step that
 * shows it. Nothing visible changes: the canvas is empty, and clearing one of its pixels keeps it
 * so. Returns whether it sized the canvas.
 */
export function sizeAhead(
	canvas: Pick<HTMLCanvasElement, 'width' | 'height' | 'getContext'>,
	size: { width: number; height: number }
): boolean {
	if (!neverSized(canvas) || neverSized(size)) return false;
	canvas.width = size.width;
	canvas.height = size.height;
	canvas.getContext('2d')?.clearRect(0, 0, 1, 1);
	return true;
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
