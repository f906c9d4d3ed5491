// The arithmetic and drawing behind the context-length view: n² scores, their memory, a log slider.
//
//   slider position ──lengthFromPosition──▶ n ──scoreCount / memoryBytes──▶ readouts
//                                            └──blockSize──▶ drawContextGrid(ctx) (≤ 128 × 128 blocks)

/** Shortest context the slider offers, in tokens. */
export const MIN_LENGTH = 8;
/** Longest context the slider offers, in tokens. */
export const MAX_LENGTH = 8192;
/** Context length the static (server-rendered) grid shows. */
export const DEFAULT_LENGTH = 16;
/** Slider positions per doubling of the context: every 12th position is a power of two. */
export const STEPS_PER_DOUBLING = 12;
/** Most blocks drawn along one side of the canvas, so a frame is at most 128 × 128 rectangles. */
export const MAX_BLOCKS = 128;
/** Bytes per score in a 16-bit float. */
export const BYTES_PER_SCORE = 2;

function assertLength(n: number, name: string): void {
	if (!Number.isInteger(n) || n < 0) {
		throw new RangeError(`${name}: context length must be a whole number ≥ 0 (got ${n})`);
	}
}

/** The number of attention scores for a context of `n` tokens: one per query/key pair, n². */
export function scoreCount(n: number): number {
	assertLength(n, 'scoreCount');
	return n * n;
}

/**
 * Bytes needed to hold one head's n × n grid of scores in one layer.
 * @param bytesPerScore 2 for 16-bit floats (the default), 4 for 32-bit.
 */
export function memoryBytes(n: number, bytesPerScore = BYTES_PER_SCORE): number {
	assertLength(n, 'memoryBytes');
	return scoreCount(n) * bytesPerScore;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A byte count for readers, in binary units (1 KB = 1,024 bytes): `512 B`, `1.5 KB`, `128 MB`.
 * One decimal below 10 of a unit (dropped when it is .0), whole numbers from 10 up.
 */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes) || bytes < 0) {
		throw new RangeError(`formatBytes: bytes must be a finite number ≥ 0 (got ${bytes})`);
	}
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	if (unit === 0) return `${Math.round(value)} B`;
	let text = value < 10 ? value.toFixed(1).replace(/\.0$/, '') : String(Math.round(value));
	// 1023.7 KB rounds up to "1024 KB": say "1 MB" instead.
	if (text === '1024' && unit < UNITS.length - 1) {
		text = '1';
		unit++;
	}
	return `${text} ${UNITS[unit]}`;
}

/**
 * How many cells along each side to merge into one drawn block, for an n × n grid drawn
 * `pixels` device pixels wide: 1 while a cell is at least a pixel, then the smallest k whose
 * k × k block covers a pixel; and never fewer cells per block than keeps the grid within
 * `maxBlocks` blocks per side.
 */
export function blockSize(n: number, pixels: number, maxBlocks = MAX_BLOCKS): number {
	assertLength(n, 'blockSize');
	if (!(pixels > 0)) throw new RangeError(`blockSize: pixels must be > 0 (got ${pixels})`);
	if (!(maxBlocks >= 1))
		throw new RangeError(`blockSize: maxBlocks must be ≥ 1 (got ${maxBlocks})`);
	if (n === 0) return 1;
	const forPixels = Math.ceil(n / pixels);
	const forCap = Math.ceil(n / Math.floor(maxBlocks));
	return Math.max(1, forPixels, forCap);
}

/** The number of blocks drawn along one side for an n × n grid merged into k × k blocks. */
export function blocksPerSide(n: number, k: number): number {
	return Math.ceil(n / k);
}

/** The context length at a slider position: 8 at position 0, doubling every 12 positions. */
export function lengthFromPosition(position: number): number {
	const n = Math.round(MIN_LENGTH * 2 ** (position / STEPS_PER_DOUBLING));
	return Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, n));
}

/** The slider position nearest a context length (inverse of lengthFromPosition). */
export function positionFromLength(n: number): number {
	const clamped = Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, n));
	return Math.round(Math.log2(clamped / MIN_LENGTH) * STEPS_PER_DOUBLING);
}

/** The last slider position (the one that gives MAX_LENGTH). */
export const MAX_POSITION = positionFromLength(MAX_LENGTH);

/** Colours the canvas grid is painted with, as CSS colour strings (read from the theme). */
export interface GridColours {
	/** Background of the grid (no score). */
	low: string;
	/** Score cells; drawn with partial alpha. */
	high: string;
	/** Cells hidden by the causal mask. */
	masked: string;
	/** Lines between cells, when cells are big enough to show them. */
	line: string;
}

/**
 * Alpha of the two checkerboard shades of drawn squares (cells, or merged blocks), so neighbours
 * stay distinguishable at every length.
 */
export const SHADE_EVEN = 0.42;
export const SHADE_ODD = 0.24;

/** The canvas calls drawContextGrid makes (a subset of CanvasRenderingContext2D). */
export type GridContext = Pick<
	CanvasRenderingContext2D,
	'fillStyle' | 'strokeStyle' | 'globalAlpha' | 'lineWidth' | 'fillRect'
> &
	Partial<Pick<CanvasRenderingContext2D, 'beginPath' | 'moveTo' | 'lineTo' | 'stroke'>>;

/**
 * Paints an n × n grid of scores into the square `size` × `size` (device pixels) at the origin
 * of `ctx`, rows as queries and columns as keys, as a checkerboard of squares. Cells smaller than a
 * pixel (or beyond MAX_BLOCKS per side) are merged into k × k blocks, and each square drawn is
 * a block. With `causal`, keys after the query (above the diagonal) are painted as masked; a
 * merged block on the diagonal is painted in proportion to its visible cells. Returns k.
 *
 * Cost: each row of blocks is at most four runs (visible, diagonal ×2, masked) plus one rectangle
 * per darker square: O(blocks drawn), at most 4 × 128 + 128 × 128 / 2 rectangles, whatever n is.
 */
export function drawContextGrid(
	ctx: GridContext,
	n: number,
	size: number,
	colours: GridColours,
	options: { causal?: boolean; maxBlocks?: number } = {}
): number {
	const causal = options.causal ?? false;
	ctx.globalAlpha = 1;
	ctx.fillStyle = colours.low;
	ctx.fillRect(0, 0, size, size);
	if (n <= 0) return 1;
	const k = blockSize(n, size, options.maxBlocks ?? MAX_BLOCKS);
	const blocks = blocksPerSide(n, k);
	const cell = size / n;
	// Block edges are snapped to whole device pixels so neighbours neither overlap nor leave gaps.
	const edge = (b: number) => Math.round(Math.min(n, b * k) * cell);
	const paint = (colour: string, alpha: number, x0: number, x1: number, y0: number, y1: number) => {
		if (x1 <= x0 || y1 <= y0 || alpha <= 0) return;
		ctx.globalAlpha = alpha;
		ctx.fillStyle = colour;
		ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
	};
	// Runs: every visible square gets the lighter shade.
	for (let bi = 0; bi < blocks; bi++) {
		const y0 = edge(bi);
		const y1 = edge(bi + 1);
		if (!causal) {
			paint(colours.high, SHADE_ODD, 0, size, y0, y1);
			continue;
		}
		// Blocks left of the diagonal are fully visible, right of it fully masked.
		paint(colours.high, SHADE_ODD, 0, edge(bi), y0, y1);
		paint(colours.masked, 1, edge(bi + 1), size, y0, y1);
		// The diagonal block: (m + 1) / 2m of its m × m cells are visible (key ≤ query).
		const m = Math.min(k, n - bi * k);
		const visible = (m + 1) / (2 * m);
		paint(colours.masked, 1 - visible, edge(bi), edge(bi + 1), y0, y1);
		paint(colours.high, SHADE_EVEN * visible, edge(bi), edge(bi + 1), y0, y1);
	}
	// Then the darker squares of the checkerboard a second coat that composites to SHADE_EVEN
	// (a partly masked diagonal block was painted whole above).
	ctx.globalAlpha = 1 - (1 - SHADE_EVEN) / (1 - SHADE_ODD);
	ctx.fillStyle = colours.high;
	for (let bi = 0; bi < blocks; bi++) {
		const y0 = edge(bi);
		const y1 = edge(bi + 1);
		const last = causal ? bi - 1 : blocks - 1;
		for (let bj = bi % 2; bj <= last; bj += 2) {
			const x0 = edge(bj);
			ctx.fillRect(x0, y0, edge(bj + 1) - x0, y1 - y0);
		}
	}
	ctx.globalAlpha = 1;
	// Lines between single cells once they are big enough to read as a table.
	if (k === 1 && cell >= 6 && ctx.beginPath && ctx.moveTo && ctx.lineTo && ctx.stroke) {
		ctx.strokeStyle = colours.line;
		ctx.lineWidth = Math.max(1, Math.round(size / 600));
		ctx.beginPath();
		for (let i = 0; i <= n; i++) {
			const p = Math.round(i * cell);
			ctx.moveTo(p, 0);
			ctx.lineTo(p, size);
			ctx.moveTo(0, p);
			ctx.lineTo(size, p);
		}
		ctx.stroke();
	}
	return k;
}
