// Pure geometry for figures: text width estimates, the grid's layout and label placement.

/** The figure's coordinate system: every view draws into a 400-unit-wide viewBox. */
export const WIDTH = 400;
/** The figure's height in viewBox units, the same for every stage so the page never reflows. */
export const HEIGHT = 400;

/** Width in ems of one character in the UI sans-serif (an estimate, see {@link textWidth}). */
function charEm(ch: string): number {
	if (/[ijl.,:;'!|·]/.test(ch)) return 0.3;
	if (/[ftr()[\]]/.test(ch)) return 0.4;
	if (ch === ' ') return 0.32;
	if (/[mwMW]/.test(ch)) return 0.92;
	if (/[A-Z]/.test(ch)) return 0.7;
	if (/[0-9]/.test(ch)) return 0.62;
	if (/[−+<>=→←↑↓∞%]/.test(ch)) return 0.8;
	return 0.6;
}

/**
 * Widths in ems already worked out, by text. Figures measure the same few words on every frame
 * of a step change and every try-it keystroke; the regular expressions above cost more than the
 * rest of a grid's layout. Bounded: a reader typing many sentences cannot grow it for ever.
 */
const emCache = new Map<string, number>();
const EM_CACHE_MAX = 4096;

/** How much wider bold text (`.fig-strong`) sets than textWidth's estimate for regular text. */
export const BOLD_WIDTH = 1.12;

/**
 * An estimate of how wide `text` sets in the UI sans-serif at `size` units. Deliberately
 * generous, so layouts computed on the server (where nothing can be measured) do not collide.
 */
export function textWidth(text: string, size: number): number {
	let em = emCache.get(text);
	if (em === undefined) {
		em = 0;
		for (const ch of text) em += charEm(ch);
		if (emCache.size >= EM_CACHE_MAX) emCache.clear();
		emCache.set(text, em);
	}
	return em * size;
}

/** The stages the attention grid draws. */
export type GridStage = 'dot-product' | 'scale' | 'softmax' | 'mask';

/** Whether a stage draws the attention grid. */
export function isGridStage(stage: string): stage is GridStage {
	return stage === 'dot-product' || stage === 'scale' || stage === 'softmax' || stage === 'mask';
}

/** Sizes used by the grid (viewBox units). */
export const GRID_TEXT = { label: 12.5, axis: 12, title: 13, number: 12.5, small: 11.5, tight: 11 };

/** Where everything in the attention grid goes, computed from the rows' and columns' words alone. */
export interface GridLayout {
	/** Rows: one per query. */
	n: number;
	/** Columns: one per key (n, but for cross-attention). */
	cols: number;
	/** Side of one cell. */
	cell: number;
	/** Top-left corner of the cell block. */
	x0: number;
	y0: number;
	/** Whether column labels are set at an angle because they do not fit across a cell. */
	rotate: boolean;
	/** Baseline of the stage title. */
	titleY: number;
	/** Baseline of the "keys →" axis title. */
	keysTitleY: number;
	/** x of the row-sum (Σ) column's centre. */
	sumX: number;
	/** Top of the focused-row strip below the grid, or null when there is none. */
	stripY: number | null;
	/** Height of the strip's bars at full weight. */
	stripBar: number;
	/** Characters a cell number may use. */
	room: number;
	/** Font size of cell numbers. */
	numberSize: number;
}

const MARGIN = 6;
/** Room kept between two level column labels, past their bold width (see gridLayout). */
const COLUMN_GAP = 8;
const SUM_W = 44;
const TITLE_H = 30;
const STRIP_H = 66;

/**
 * Lays out a tokens × tokens grid in the figure: row labels on the left, column labels on top
 * (rotated when they would not fit across a cell), a Σ column on the right and, when a query is
 * focused, a strip of that row's values below the cells. With `columns` (cross-attention, whose
 * keys are another sentence's words) the grid is tokens × columns.
 */
export function gridLayout(
	tokens: string[],
	options: { strip: boolean; width?: number; height?: number; columns?: string[] }
): GridLayout {
	const { strip, width = WIDTH, height = HEIGHT, columns = tokens } = options;
	const n = Math.max(1, tokens.length);
	const cols = Math.max(1, columns.length);
	let widestRow = 0;
	for (const t of tokens) widestRow = Math.max(widestRow, textWidth(t, GRID_TEXT.label));
	let widestColumn = widestRow;
	if (columns !== tokens) {
		widestColumn = 0;
		for (const t of columns) widestColumn = Math.max(widestColumn, textWidth(t, GRID_TEXT.label));
	}
	const widest = Math.max(textWidth('queries ↓', GRID_TEXT.axis), widestRow);
	const left = Math.ceil(widest + 12);
	const across = Math.floor((width - 2 * MARGIN - left - SUM_W) / cols);
	let cell = Math.min(64, across);
	// A highlighted column's label is bold, and bold sets wider than textWidth's estimate: level
	// labels need room for the bold word and a clear gap, or two long ones read as one.
	const rotate = widestColumn * BOLD_WIDTH > cell - COLUMN_GAP;
	// Rotated labels at 45° rise by their width times sin 45°.
	const labelsH = rotate ? Math.ceil(widestColumn * Math.SQRT1_2 + 14) : 22;
	const topH = TITLE_H + 16 + labelsH;
	const stripH = strip ? STRIP_H : 0;
	const down = Math.floor((height - topH - stripH - MARGIN) / n);
	cell = Math.max(12, Math.min(cell, down));
	const blockW = left + cols * cell + SUM_W;
	const x0 = Math.round(Math.max(MARGIN, (width - blockW) / 2) + left);
	const y0 = topH;
	const numberSize = cell >= 44 ? 14 : GRID_TEXT.number;
	const room = Math.max(3, Math.floor((cell - 4) / (numberSize * 0.58)));
	return {
		n,
		cols,
		cell,
		x0,
		y0,
		rotate,
		titleY: 17,
		keysTitleY: TITLE_H + 10,
		sumX: x0 + cols * cell + SUM_W / 2 + 2,
		stripY: strip ? y0 + n * cell + 14 : null,
		stripBar: 30,
		room,
		numberSize
	};
}

/** A word set on a line of text: where it starts, its middle and its width, in viewBox units. */
export interface PlacedWord {
	word: string;
	x: number;
	cx: number;
	width: number;
}

/**
 * Words set as one line of text at `size`, half an em apart, centred on `centre` but kept inside
 * the figure's margins; null when the line is wider than the figure (then it is not drawn). The
 * words `bold` says are set bold are measured wider (BOLD_WIDTH).
 */
export function wordLine(
	words: string[],
	{
		centre,
		size,
		width = WIDTH,
		bold = () => false
	}: { centre: number; size: number; width?: number; bold?: (word: string, i: number) => boolean }
): PlacedWord[] | null {
	const space = size / 2;
	const widths = words.map((w, i) => textWidth(w, size) * (bold(w, i) ? BOLD_WIDTH : 1));
	const total = widths.reduce((a, b) => a + b, 0) + space * Math.max(0, words.length - 1);
	if (total > width - 2 * MARGIN) return null;
	let x = Math.min(Math.max(MARGIN, centre - total / 2), width - MARGIN - total);
	return words.map((word, i) => {
		const placed = { word, x, cx: x + widths[i] / 2, width: widths[i] };
		x += widths[i] + space;
		return placed;
	});
}

/** A text label to place near an anchor point. */
export interface LabelRequest {
	id: string;
	/** The point the label belongs to. */
	x: number;
	y: number;
	/** Which way to push the label away from its point (a direction, need not be unit length). */
	dx: number;
	dy: number;
	width: number;
	height: number;
	/**
	 * How far the text reaches below the usual bottom of its box (0.2 of a height under the
	 * baseline), in viewBox units: a subscript set lower (v with "hot" under it) needs its drop.
	 */
	descent?: number;
}

/** Where a label was set: its baseline start and text-anchor. */
export interface PlacedLabel {
	id: string;
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
}

/** An axis-aligned rectangle by its edges. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/**
 * The box a placed label covers (baseline at y; ascent 0.8 and descent 0.2 of its height), and
 * `descent` more below for text set lower than the line (a subscript).
 */
export function labelBox(label: PlacedLabel, width: number, height: number, descent = 0): Box {
	const left =
		label.anchor === 'start'
			? label.x
			: label.anchor === 'end'
				? label.x - width
				: label.x - width / 2;
	return {
		left,
		right: left + width,
		top: label.y - height * 0.8,
		bottom: label.y + height * 0.2 + descent
	};
}

/**
 * Where the segment from (x1, y1) to (x2, y2) first enters `box`, as a fraction of its length
 * in [0, 1], or null when it misses the box.
 */
export function entersBox(x1: number, y1: number, x2: number, y2: number, box: Box): number | null {
	let t0 = 0;
	let t1 = 1;
	const dx = x2 - x1;
	const dy = y2 - y1;
	const clip = (p: number, q: number) => {
		if (p === 0) return q >= 0;
		const r = q / p;
		if (p < 0) {
			if (r > t1) return false;
			if (r > t0) t0 = r;
		} else {
			if (r < t0) return false;
			if (r < t1) t1 = r;
		}
		return true;
	};
	if (
		clip(-dx, x1 - box.left) &&
		clip(dx, box.right - x1) &&
		clip(-dy, y1 - box.top) &&
		clip(dy, box.bottom - y1)
	) {
		return t0;
	}
	return null;
}

/** A line drawn in the figure that labels should keep off (an arrow, an axis, a ray). */
export interface Line {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
	/** The label this line belongs to, which may sit on it (a ray stops where its label starts). */
	owner?: string;
}

/** An arrow's head: a label set nearer to it than to its own point would seem to name it. */
export interface Head {
	x: number;
	y: number;
	/** The label that names this arrow, which is the one label allowed beside it. */
	owner?: string;
}

/** Space kept between a label and the labels beside it, in viewBox units (widths are estimates). */
const LABEL_PAD = 3;

/**
 * Space kept between two labels side by side on one line, in viewBox units: well over a word
 * space, so they do not read as one phrase ("in all 3 phrases true").
 */
const LINE_PAD = 10;

/** What each nudge step away from a label's point costs, in lines crossed (see placeLabels). */
const NUDGE_COST = 0.5;

/**
 * What a spot nearer another arrow's head than the label's own point costs, in lines crossed: more
 * than one line through the label, which leaves no doubt which arrow it names.
 */
const STRAY_COST = 1.5;

/** How much nearer its own point than any other arrow's head a label must be. */
const STRAY_RATIO = 1.5;

/** Nudges tried up and down from a label's preferred side (see placeLabels). */
const NUDGES = 12;

/** Rings of spots tried farther out than the first, each 1.5 gaps past the last (see placeLabels). */
const RINGS = 3;

/**
 * What each ring out costs, in lines crossed: less than one line at every ring, so a label keeps
 * clear of a line when a spot a few units farther out allows it.
 */
const RING_COST = 0.3;

/** How far beyond its text a label keeps lines away, in viewBox units. */
const LINE_CLEARANCE = 1.5;

/**
 * Places labels beside their points, pushed outward along (dx, dy) and kept inside `bounds`.
 * It tries the preferred side first, then the other sides of the point (turning away from the
 * preferred direction in 45° steps), then small vertical nudges, then the eight sides again farther
 * from the point. Of the spots that overlap no label placed earlier and no `avoid` box it takes
 * the one that costs least: one for each line in `lines` through it, half for each nudge step and
 * RING_COST for each ring it has drifted from its point (a spot beside the point with no line
 * through it costs nothing and ends the search). Labels earlier in the list win.
 *
 * A spot that is not clearly nearer the label's own point than another arrow's head (one of
 * `heads`, by STRAY_RATIO) costs more than a line through it (STRAY_COST): "tower" set just left
 * of the head of "Eiffel tower" reads as that arrow's label, or as one phrase with the next label.
 */
export function placeLabels(
	requests: LabelRequest[],
	bounds: { x: number; y: number; width: number; height: number },
	avoid: Box[] = [],
	gap = 6,
	lines: Line[] = [],
	heads: Head[] = []
): PlacedLabel[] {
	const taken: Box[] = [...avoid];
	const angles = [0, 45, -45, 90, -90, 135, -135, 180].map((a) => (a * Math.PI) / 180);
	return requests.map((r) => {
		const len = Math.hypot(r.dx, r.dy) || 1;
		const base = Math.atan2(r.dy / len, r.dx / len);
		// Called for every spot tried, for every label, on every frame of a tween: it builds only
		// the candidate itself (and its box), and tests with plain numbers.
		const candidate = (angle: number, nudge = 0, away = gap): PlacedLabel & { box: Box } => {
			const ux = Math.cos(angle);
			const uy = Math.sin(angle);
			const anchor: PlacedLabel['anchor'] = ux > 0.35 ? 'start' : ux < -0.35 ? 'end' : 'middle';
			// As labelBox: the text's left edge for its anchor, its top 0.8 of a height above the
			// baseline and its bottom 0.2 below (and its descent further).
			const shift = anchor === 'start' ? 0 : anchor === 'end' ? r.width : r.width / 2;
			let x = r.x + ux * away;
			// Baseline: below the point when pushed down, above it when pushed up.
			let y =
				r.y + uy * away + (uy > 0.35 ? r.height * 0.8 : uy < -0.35 ? 0 : r.height * 0.35) + nudge;
			const left = x - shift;
			const top = y - r.height * 0.8;
			if (left < bounds.x) x += bounds.x - left;
			if (left + r.width > bounds.x + bounds.width) x -= left + r.width - (bounds.x + bounds.width);
			if (top < bounds.y) y += bounds.y - top;
			const reach = r.height + (r.descent ?? 0);
			if (top + reach > bounds.y + bounds.height) y -= top + reach - (bounds.y + bounds.height);
			const placed = { id: r.id, x, y, anchor };
			return { ...placed, box: labelBox(placed, r.width, r.height, r.descent) };
		};
		const free = (c: { box: Box }) => {
			const { top, bottom } = c.box;
			const half = (bottom - top) / 2;
			return !taken.some((t) => {
				if (!(t.top < bottom && top < t.bottom)) return false;
				// Side by side on one line (sharing half a line's height or more): a wider gap.
				const pad =
					Math.min(bottom, t.bottom) - Math.max(top, t.top) >= half ? LINE_PAD : LABEL_PAD;
				return t.left < c.box.right + pad && c.box.left - pad < t.right;
			});
		};
		/** Lines through the candidate's box, counted up to `limit` (no better than that is no use). */
		const crossings = (c: { box: Box }, limit: number) => {
			const left = c.box.left - LINE_CLEARANCE;
			const right = c.box.right + LINE_CLEARANCE;
			const top = c.box.top - LINE_CLEARANCE;
			const bottom = c.box.bottom + LINE_CLEARANCE;
			let wide: Box | undefined;
			let n = 0;
			for (let i = 0; i < lines.length && n < limit; i++) {
				const l = lines[i];
				if (l.owner === r.id) continue;
				// Most lines miss the box by a mile: compare extents before clipping.
				if (Math.max(l.x1, l.x2) < left || Math.min(l.x1, l.x2) > right) continue;
				if (Math.max(l.y1, l.y2) < top || Math.min(l.y1, l.y2) > bottom) continue;
				wide ??= { left, right, top, bottom };
				if (entersBox(l.x1, l.y1, l.x2, l.y2, wide) !== null) n += 1;
			}
			return n;
		};
		/** Whether another arrow's head is not clearly farther from the candidate than its own point. */
		const strayed = (c: { box: Box }) => {
			const { left, right, top, bottom } = c.box;
			const away = (x: number, y: number) =>
				Math.hypot(Math.max(left - x, 0, x - right), Math.max(top - y, 0, y - bottom));
			const own = away(r.x, r.y);
			for (const h of heads) {
				if (h.owner !== r.id && away(h.x, h.y) < own * STRAY_RATIO) return true;
			}
			return false;
		};
		// The eight sides, then nudges from the preferred side (1, −1, 2, −2, … label heights), then
		// the eight sides again in rings farther out (2.5, 4 and 5.5 gaps: a wide label beside a crowd
		// of arrows finds a clear spot past them): the i-th spot tried, built only when it is tried,
		// and how many nudge steps (or rings) it is from the point.
		const far = angles.length + NUDGES;
		const steps = (i: number) =>
			i < angles.length
				? 0
				: i < far
					? Math.ceil((i - angles.length + 1) / 2)
					: 1 + Math.floor((i - far) / angles.length);
		const nth = (i: number) =>
			i < angles.length
				? candidate(base + angles[i])
				: i < far
					? candidate(base, steps(i) * ((i - angles.length) % 2 ? -1 : 1) * (r.height + 1))
					: candidate(base + angles[(i - far) % angles.length], 0, gap * (1 + 1.5 * steps(i)));
		// Each step a nudge takes the label from its point costs half a crossing: a label beside its
		// point with a line through it reads better than one that has drifted far to a clear spot.
		// Each ring out costs RING_COST, less than a crossing: a few units farther out along the
		// label's own direction, clear of the line, reads better than a line through it.
		const drift = (i: number) => steps(i) * (i < far ? NUDGE_COST : RING_COST);
		let best: (PlacedLabel & { box: Box }) | undefined;
		let lowest = Infinity;
		for (let i = 0; i < far + RINGS * angles.length && lowest > 0; i++) {
			const penalty = drift(i);
			if (penalty >= lowest) continue;
			const c = nth(i);
			if (!free(c)) continue;
			const near = heads.length && strayed(c) ? STRAY_COST : 0;
			const cost = penalty + near + (lines.length ? crossings(c, lowest - penalty - near) : 0);
			if (cost < lowest) {
				best = c;
				lowest = cost;
			}
		}
		best ??= candidate(base);
		taken.push(best.box);
		return { id: best.id, x: best.x, y: best.y, anchor: best.anchor };
	});
}
