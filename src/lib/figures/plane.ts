// Geometry of the embedding plane: fitting points into a region at one scale for both axes.

/** A meaning direction drawn in the plane. */
export interface Meaning {
	name: string;
	/** Words for people, set at the ray's tip. */
	label: string;
	/** The direction in embedding space. */
	vector: number[];
}

/** A rectangle in viewBox units. */
export interface Region {
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Maps plane coordinates to the screen: x → ox + k·x, y → oy − k·y. One `k` for both axes, so
 * angles between vectors on screen are the true angles in the plane.
 */
export interface Frame {
	ox: number;
	oy: number;
	k: number;
}

/** Screen position of a plane point. */
export function toScreen(
	frame: Frame,
	[x, y]: readonly [number, number] | number[]
): [number, number] {
	return [frame.ox + frame.k * x, frame.oy - frame.k * y];
}

/**
 * The frame that shows every point (and the origin) inside `region`, leaving `pad` units on each
 * side, at the largest scale that fits both axes. A span smaller than `minSpan` is widened, so a
 * lone short vector does not fill the whole figure.
 */
export function fitFrame(
	points: Array<readonly [number, number] | number[]>,
	region: Region,
	pad: { left: number; right: number; top: number; bottom: number },
	minSpan = 1
): Frame {
	let [x0, x1, y0, y1] = [0, 0, 0, 0];
	for (const [x, y] of points) {
		if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
		x0 = Math.min(x0, x);
		x1 = Math.max(x1, x);
		y0 = Math.min(y0, y);
		y1 = Math.max(y1, y);
	}
	const widen = (lo: number, hi: number): [number, number] => {
		const span = hi - lo;
		if (span >= minSpan) return [lo, hi];
		const grow = (minSpan - span) / 2;
		// Keep the origin's side: a span that starts at 0 grows away from it.
		if (lo === 0) return [0, hi + 2 * grow];
		if (hi === 0) return [lo - 2 * grow, 0];
		return [lo - grow, hi + grow];
	};
	[x0, x1] = widen(x0, x1);
	[y0, y1] = widen(y0, y1);
	const innerW = region.width - pad.left - pad.right;
	const innerH = region.height - pad.top - pad.bottom;
	const k = Math.min(innerW / (x1 - x0), innerH / (y1 - y0));
	// Centre the content in the leftover space.
	const ox = region.x + pad.left + (innerW - k * (x1 - x0)) / 2 - k * x0;
	const oy = region.y + pad.top + (innerH - k * (y1 - y0)) / 2 + k * y1;
	return { ox, oy, k };
}

/**
 * Where a ray from the screen point (sx, sy) in direction (dx, dy) (screen units, y down) leaves
 * `region`, shortened by `inset`. Returns null for a zero direction.
 */
export function rayToEdge(
	sx: number,
	sy: number,
	dx: number,
	dy: number,
	region: Region,
	inset = 0
): [number, number] | null {
	const len = Math.hypot(dx, dy);
	if (len < 1e-9) return null;
	const ux = dx / len;
	const uy = dy / len;
	const limits: number[] = [];
	if (ux > 0) limits.push((region.x + region.width - inset - sx) / ux);
	if (ux < 0) limits.push((region.x + inset - sx) / ux);
	if (uy > 0) limits.push((region.y + region.height - inset - sy) / uy);
	if (uy < 0) limits.push((region.y + inset - sy) / uy);
	const t = Math.max(0, Math.min(...limits));
	return [sx + ux * t, sy + uy * t];
}

/** The corners of an arrowhead at (x2, y2) pointing away from (x1, y1), or null when too short. */
export function arrowHeadPoints(
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	size = 7
): [number, number][] | null {
	const len = Math.hypot(x2 - x1, y2 - y1);
	if (len < size * 0.8) return null;
	const ux = (x2 - x1) / len;
	const uy = (y2 - y1) / len;
	const bx = x2 - ux * size;
	const by = y2 - uy * size;
	const w = size * 0.45;
	return [
		[x2, y2],
		[bx - uy * w, by + ux * w],
		[bx + uy * w, by - ux * w]
	];
}

/** The path of an arrowhead at (x2, y2) pointing away from (x1, y1), or '' when too short. */
export function arrowHead(x1: number, y1: number, x2: number, y2: number, size = 7): string {
	const points = arrowHeadPoints(x1, y1, x2, y2, size);
	if (!points) return '';
	const f = (n: number) => n.toFixed(2);
	const [[ax, ay], [bx, by], [cx, cy]] = points;
	return `M${f(ax)} ${f(ay)}L${f(bx)} ${f(by)}L${f(cx)} ${f(cy)}Z`;
}

/** The end of an arrow's shaft: pulled back under the head so the round cap does not poke out. */
export function shaftEnd(
	x1: number,
	y1: number,
	x2: number,
	y2: number,
	size = 7
): [number, number] {
	const len = Math.hypot(x2 - x1, y2 - y1);
	if (len < size * 0.8) return [x2, y2];
	const back = size * 0.6;
	return [x2 - ((x2 - x1) / len) * back, y2 - ((y2 - y1) / len) * back];
}

/** A label's words without arrows, spacing or a leading article: "↑ the animal" → "animal". */
const bareWords = (label: string) =>
	label
		.replace(/[←↑→↓]/g, ' ')
		.trim()
		.toLowerCase()
		.replace(/^(the|an?)\s+/, '')
		.replace(/\s+/g, ' ');

/**
 * Whether a meaning's ray runs along the positive half of an axis whose label already says what
 * the meaning's does ("animal →" for "the animal"): the axis names it, and a second label beside
 * it would only crowd the plane.
 */
export function namedByAxis(
	dir: readonly [number, number] | number[],
	label: string,
	axes: { x: { label: string }; y: { label: string } }
): boolean {
	const [x, y] = dir;
	const len = Math.hypot(x, y);
	if (len === 0) return false;
	const along = (axis: number, across: number, name: string) =>
		axis > 0 && Math.abs(across) < len * 1e-3 && bareWords(name) === bareWords(label);
	return along(x, y, axes.x.label) || along(y, x, axes.y.label);
}
